import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  ColumnOption,
  GroupCodeDetail,
  GroupCodeFields,
  GroupCodeFilters,
  GroupCodePage,
  GroupInput,
} from './group-codes.models';

/** The 群活码 endpoints under /api/group-codes and /api/group-code-images. */
@Injectable({ providedIn: 'root' })
export class GroupCodesApi {
  private readonly http = inject(HttpClient);

  list(filters: GroupCodeFilters, page: number, pageSize: number): Observable<GroupCodePage> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    for (const [name, value] of Object.entries(filters)) if (value) params = params.set(name, value);
    return this.http.get<GroupCodePage>('/api/group-codes', { params });
  }

  columns(): Observable<{ columns: string[]; available: ColumnOption[] }> {
    return this.http.get<{ columns: string[]; available: ColumnOption[] }>('/api/group-codes/columns');
  }

  saveColumns(columns: string[]): Observable<unknown> {
    return this.http.put('/api/group-codes/columns', { columns });
  }

  get(codeId: string): Observable<GroupCodeDetail> {
    return this.http.get<GroupCodeDetail>(`/api/group-codes/${codeId}`);
  }

  create(fields: GroupCodeFields, groups: GroupInput[]): Observable<GroupCodeDetail> {
    return this.http.post<GroupCodeDetail>('/api/group-codes', { ...fields, groups });
  }

  update(codeId: string, fields: GroupCodeFields): Observable<GroupCodeDetail> {
    return this.http.put<GroupCodeDetail>(`/api/group-codes/${codeId}`, fields);
  }

  remove(codeId: string): Observable<void> {
    return this.http.delete<void>(`/api/group-codes/${codeId}`);
  }

  addGroup(codeId: string, group: GroupInput): Observable<GroupCodeDetail> {
    return this.http.post<GroupCodeDetail>(`/api/group-codes/${codeId}/groups`, group);
  }

  updateGroup(codeId: string, groupId: string, group: GroupInput): Observable<GroupCodeDetail> {
    return this.http.put<GroupCodeDetail>(`/api/group-codes/${codeId}/groups/${groupId}`, group);
  }

  removeGroup(codeId: string, groupId: string): Observable<GroupCodeDetail> {
    return this.http.delete<GroupCodeDetail>(`/api/group-codes/${codeId}/groups/${groupId}`);
  }

  uploadImage(file: File): Observable<{ fileId: string }> {
    const body = new FormData();
    body.append('file', file);
    return this.http.post<{ fileId: string }>('/api/group-code-images', body);
  }
}
