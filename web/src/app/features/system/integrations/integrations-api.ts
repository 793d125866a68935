import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { IntegrationCard, SaveUdeskRequest, UdeskIntegration } from './integrations.models';

/** The 系统对接 endpoints under /api/integrations. */
@Injectable({ providedIn: 'root' })
export class IntegrationsApi {
  private readonly http = inject(HttpClient);

  cards(): Observable<{ items: IntegrationCard[] }> {
    return this.http.get<{ items: IntegrationCard[] }>('/api/integrations');
  }

  udesk(): Observable<UdeskIntegration> {
    return this.http.get<UdeskIntegration>('/api/integrations/udesk');
  }

  /** A 422 (Udesk refused, or did not answer) is shown by the page under the form. */
  saveUdesk(request: SaveUdeskRequest): Observable<UdeskIntegration> {
    return this.http.put<UdeskIntegration>('/api/integrations/udesk', request, {
      context: callerShowsErrors([422]),
    });
  }

  switchUdesk(enabled: boolean): Observable<UdeskIntegration> {
    return this.http.put<UdeskIntegration>('/api/integrations/udesk/enabled', { enabled });
  }
}
