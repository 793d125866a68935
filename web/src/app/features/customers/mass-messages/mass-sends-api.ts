import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import type { PageOf } from '../../../shared/server-table/server-table';
import {
  AudiencePreview,
  MassSendAudience,
  MassSendDetail,
  MassSendFilters,
  MassSendInput,
  MassSendRefresh,
  MassSendResultRow,
  MassSendRow,
  RecipientStatus,
} from './mass-sends.models';

const BASE = '/api/mass-sends';
const at = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** The 群发管理 endpoints under /api/mass-sends. */
@Injectable({ providedIn: 'root' })
export class MassSendsApi {
  private readonly http = inject(HttpClient);

  list(filters: MassSendFilters, page: number, pageSize: number): Observable<PageOf<MassSendRow>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (filters.kind) params = params.set('kind', filters.kind);
    if (filters.status) params = params.set('status', filters.status);
    if (filters.creator?.trim()) params = params.set('creator', filters.creator.trim());
    return this.http.get<PageOf<MassSendRow>>(BASE, { params });
  }

  preview(audience: MassSendAudience, page: number, pageSize: number): Observable<AudiencePreview> {
    return this.http.post<AudiencePreview>(`${BASE}/audience-preview`, { audience, page, pageSize });
  }

  create(input: MassSendInput): Observable<MassSendRow> {
    return this.http.post<MassSendRow>(BASE, input);
  }

  update(id: string, input: MassSendInput): Observable<MassSendRow> {
    return this.http.put<MassSendRow>(at(id), input);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(at(id));
  }

  cancel(id: string): Observable<void> {
    return this.http.post<void>(`${at(id)}/cancel`, {});
  }

  remind(id: string): Observable<unknown> {
    return this.http.post(`${at(id)}/remind`, {});
  }

  /** Asks the send's workflow to poll WeCom's results now; `refreshing` is false once tracking is over. */
  refreshResults(id: string): Observable<MassSendRefresh> {
    return this.http.post<MassSendRefresh>(`${at(id)}/results/refresh`, {});
  }

  detail(id: string): Observable<MassSendDetail> {
    return this.http.get<MassSendDetail>(at(id));
  }

  results(
    id: string,
    status: RecipientStatus | null,
    page: number,
    pageSize: number,
  ): Observable<PageOf<MassSendResultRow>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (status) params = params.set('status', status);
    return this.http.get<PageOf<MassSendResultRow>>(`${at(id)}/results`, { params });
  }
}
