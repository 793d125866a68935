import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { WecomHealth } from '../system/wecom/wecom-binding.models';

import { callerShowsErrors } from '../../core/net/api-error';
import {
  ChangeTenantRequest,
  OpenTenantRequest,
  PlatformOperator,
  TenantPage,
  TenantSummary,
} from './platform.models';

/** The operator console's endpoints under /api/platform (their own cookie, never a tenant's). */
@Injectable({ providedIn: 'root' })
export class PlatformApi {
  private readonly http = inject(HttpClient);

  /** The login page shows a refused login itself. */
  login(username: string, password: string): Observable<void> {
    return this.http.post<void>(
      '/api/platform/auth/login',
      { username, password },
      { context: callerShowsErrors() },
    );
  }

  /** Who is signed in; a 401 (nobody) is the guard's business, not an error to show. */
  me(): Observable<PlatformOperator> {
    return this.http.get<PlatformOperator>('/api/platform/auth/me', { context: callerShowsErrors([401]) });
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/platform/auth/logout', {});
  }

  tenants(page: number, pageSize: number): Observable<TenantPage> {
    const params = new HttpParams({ fromObject: { page, pageSize } });
    return this.http.get<TenantPage>('/api/platform/tenants', { params });
  }

  /** Validation and conflict messages are shown in the dialog, next to the form. */
  open(tenant: OpenTenantRequest): Observable<TenantSummary> {
    return this.http.post<TenantSummary>('/api/platform/tenants', tenant, {
      context: callerShowsErrors([400, 409]),
    });
  }

  change(tenantId: string, change: ChangeTenantRequest): Observable<TenantSummary> {
    return this.http.patch<TenantSummary>(`/api/platform/tenants/${encodeURIComponent(tenantId)}`, change, {
      context: callerShowsErrors([400, 409]),
    });
  }

  /** A tenant's WeCom health panel (the same numbers its admins see on 企微绑定). */
  wecomHealth(tenantId: string): Observable<WecomHealth> {
    return this.http.get<WecomHealth>(`/api/platform/tenants/${encodeURIComponent(tenantId)}/wecom-health`);
  }
}
