import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import type { PageOf } from '../../../shared/server-table/server-table';
import {
  SopCalendar,
  SopPlan,
  SopPlanInput,
  SopPlanRow,
  SopPlanStats,
  SopReceiptRow,
  SopScope,
  SopStaffRow,
  SopTaskInput,
} from './sop.models';

const BASE = '/api/sop';
const plan = (id: string) => `${BASE}/plans/${encodeURIComponent(id)}`;

/** A file uploaded for a message (图片 / 视频 / 图文 / 海报). */
export interface SopMedia {
  fileId: string;
  url: string;
  name: string;
}

/** 数据明细's right side: one task node, optionally one staff member. */
export interface SopDetailFilters {
  taskId: string;
  staffUserid?: string;
}

/** The SOP endpoints under /api/sop. */
@Injectable({ providedIn: 'root' })
export class SopApi {
  private readonly http = inject(HttpClient);

  list(keyword: string, page: number, pageSize: number): Observable<PageOf<SopPlanRow>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (keyword.trim()) params = params.set('keyword', keyword.trim());
    return this.http.get<PageOf<SopPlanRow>>(`${BASE}/plans`, { params });
  }

  get(id: string): Observable<SopPlan> {
    return this.http.get<SopPlan>(plan(id));
  }

  create(input: SopPlanInput): Observable<SopPlan> {
    return this.http.post<SopPlan>(`${BASE}/plans`, input);
  }

  update(id: string, input: SopPlanInput): Observable<SopPlan> {
    return this.http.put<SopPlan>(plan(id), input);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(plan(id));
  }

  switch(id: string, enabled: boolean): Observable<unknown> {
    return this.http.put(`${plan(id)}/switch`, { enabled });
  }

  /** 实时计算 (R-8.1-04). */
  reach(scope: SopScope): Observable<{ total: number }> {
    return this.http.post<{ total: number }>(`${BASE}/reach`, { scope });
  }

  /** 预览: a saved plan's calendar, or one for the form as it is being edited. */
  calendar(id: string | null, scope: SopScope, tasks: SopTaskInput[]): Observable<SopCalendar> {
    return id === null
      ? this.http.post<SopCalendar>(`${BASE}/calendar`, { scope, tasks })
      : this.http.get<SopCalendar>(`${plan(id)}/calendar`);
  }

  upload(file: File): Observable<SopMedia> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<SopMedia>(`${BASE}/media`, form);
  }

  stats(id: string, taskId: string | null): Observable<SopPlanStats> {
    const params = taskId ? new HttpParams().set('taskId', taskId) : new HttpParams();
    return this.http.get<SopPlanStats>(`${plan(id)}/stats`, { params });
  }

  staffRows(
    id: string,
    filters: SopDetailFilters,
    page: number,
    pageSize: number,
  ): Observable<PageOf<SopStaffRow>> {
    return this.http.get<PageOf<SopStaffRow>>(`${plan(id)}/staff-rows`, {
      params: detailParams(filters, page, pageSize),
    });
  }

  receiptRows(
    id: string,
    filters: SopDetailFilters,
    page: number,
    pageSize: number,
  ): Observable<PageOf<SopReceiptRow>> {
    return this.http.get<PageOf<SopReceiptRow>>(`${plan(id)}/receipt-rows`, {
      params: detailParams(filters, page, pageSize),
    });
  }
}

function detailParams(filters: SopDetailFilters, page: number, pageSize: number): HttpParams {
  let params = new HttpParams().set('taskId', filters.taskId).set('page', page).set('pageSize', pageSize);
  if (filters.staffUserid) params = params.set('staffUserid', filters.staffUserid);
  return params;
}
