import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { DoctorReport, SaveBindingRequest, WecomBinding, WecomHealth } from './wecom-binding.models';

/** The 企微绑定 endpoints under /api/wecom. */
@Injectable({ providedIn: 'root' })
export class WecomBindingApi {
  private readonly http = inject(HttpClient);

  binding(): Observable<WecomBinding> {
    return this.http.get<WecomBinding>('/api/wecom/binding');
  }

  /** A 422 (WeCom refused a secret) is shown by the page next to each field. */
  save(request: SaveBindingRequest): Observable<WecomBinding> {
    return this.http.put<WecomBinding>('/api/wecom/binding', request, { context: callerShowsErrors([422]) });
  }

  /** 生成密钥对 (I-108): nothing is stored until the form is saved. */
  generateKeyPair(): Observable<{ publicKey: string; privateKey: string }> {
    return this.http.post<{ publicKey: string; privateKey: string }>(
      '/api/wecom/binding/archive-key-pair',
      {},
    );
  }

  doctor(): Observable<DoctorReport> {
    return this.http.post<DoctorReport>('/api/wecom/binding/doctor', {});
  }

  health(): Observable<WecomHealth> {
    return this.http.get<WecomHealth>('/api/wecom/health');
  }
}
