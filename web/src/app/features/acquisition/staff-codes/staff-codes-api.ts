import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  StaffCode,
  StaffCodeAddPage,
  StaffCodeCreateKind,
  StaffCodeFields,
  StaffCodeFilters,
  StaffCodePage,
  StaffCodeTrend,
} from './staff-codes.models';

/** The 员工活码 endpoints under /api/staff-codes. */
@Injectable({ providedIn: 'root' })
export class StaffCodesApi {
  private readonly http = inject(HttpClient);

  list(filters: StaffCodeFilters, page: number, pageSize: number): Observable<StaffCodePage> {
    let params = new HttpParams()
      .set('page', page)
      .set('pageSize', pageSize)
      .set('kind', filters.kind)
      .set('status', filters.status);
    if (filters.userid) params = params.set('userid', filters.userid);
    if (filters.keyword) params = params.set('keyword', filters.keyword);
    return this.http.get<StaffCodePage>('/api/staff-codes', { params });
  }

  get(id: string): Observable<StaffCode> {
    return this.http.get<StaffCode>(`/api/staff-codes/${id}`);
  }

  create(kind: StaffCodeCreateKind, fields: StaffCodeFields): Observable<{ items: StaffCode[] }> {
    return this.http.post<{ items: StaffCode[] }>('/api/staff-codes', { kind, ...fields });
  }

  update(id: string, fields: StaffCodeFields): Observable<StaffCode> {
    return this.http.put<StaffCode>(`/api/staff-codes/${id}`, fields);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/staff-codes/${id}`);
  }

  trend(id: string, from: string, to: string): Observable<StaffCodeTrend> {
    return this.http.get<StaffCodeTrend>(`/api/staff-codes/${id}/trend`, { params: { from, to } });
  }

  adds(id: string, page: number, pageSize: number): Observable<StaffCodeAddPage> {
    return this.http.get<StaffCodeAddPage>(`/api/staff-codes/${id}/adds`, { params: { page, pageSize } });
  }
}

/** Where 下载 fetches the PNG (a same-origin download of WeCom's image). */
export const qrDownloadUrl = (id: string) => `/api/staff-codes/${id}/qr`;
export const PREVIEW_QR_URL = '/api/staff-codes/preview-qr';
