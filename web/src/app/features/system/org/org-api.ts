import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import {
  Department,
  DepartmentList,
  OrgEditability,
  RoleOption,
  Seats,
  StaffDetail,
  StaffFields,
  StaffPage,
  StaffQuery,
  WriteBack,
} from './org.models';
import { SyncStarted, SyncState } from '../../../shared/manual-sync/sync-state';

/** The 组织架构 endpoints under /api/org. */
@Injectable({ providedIn: 'root' })
export class OrgApi {
  private readonly http = inject(HttpClient);

  departments(): Observable<DepartmentList> {
    return this.http.get<DepartmentList>('/api/org/departments');
  }

  staff(query: StaffQuery): Observable<StaffPage> {
    const params = new HttpParams({
      fromObject: {
        page: query.page,
        pageSize: query.pageSize,
        keyword: query.keyword,
        departmentId: query.departmentId ?? '',
        roleId: query.roleId ?? '',
      },
    });
    return this.http.get<StaffPage>('/api/org/staff', { params });
  }

  syncState(): Observable<SyncState> {
    return this.http.get<SyncState>('/api/org/sync');
  }

  /** Starts a manual sync; a 409 (running) or 429 (daily limit, too soon) is shown by the caller as a warning. */
  startSync(): Observable<SyncStarted> {
    return this.http.post<SyncStarted>('/api/org/sync', {}, { context: callerShowsErrors([409, 429]) });
  }

  /** 开启系统 / 关闭系统; a 409 (no seat left) is shown by the error interceptor with the server's message. */
  setSystemAccess(userid: string, enabled: boolean): Observable<Seats> {
    return this.http.put<Seats>(`/api/org/staff/${encodeURIComponent(userid)}/system-access`, { enabled });
  }

  /** 设置角色: each staff member has exactly one role (I-100). */
  setRole(userid: string, roleId: string): Observable<void> {
    return this.http.put<void>(`/api/org/staff/${encodeURIComponent(userid)}/role`, { roleId });
  }

  /** Sets a staff member's password (I-10); their other sessions end. */
  resetPassword(userid: string, password: string): Observable<void> {
    return this.http.put<void>(`/api/org/staff/${encodeURIComponent(userid)}/password`, { password });
  }

  seats(): Observable<Seats> {
    return this.http.get<Seats>('/api/org/seats');
  }

  /** The latest write-backs, newest first. */
  latestWriteBacks(pageSize: number): Observable<{ items: WriteBack[] }> {
    return this.http.get<{ items: WriteBack[] }>('/api/org/write-backs', { params: { page: 1, pageSize } });
  }

  editability(): Observable<OrgEditability> {
    return this.http.get<OrgEditability>('/api/org/editability');
  }

  createDepartment(parentId: number, name: string): Observable<Department> {
    return this.http.post<Department>('/api/org/departments', { parentId, name });
  }

  renameDepartment(id: number, name: string): Observable<Department> {
    return this.http.patch<Department>(`/api/org/departments/${id}`, { name });
  }

  moveDepartment(id: number, parentId: number, index: number): Observable<Department> {
    return this.http.put<Department>(`/api/org/departments/${id}/position`, { parentId, index });
  }

  deleteDepartment(id: number): Observable<unknown> {
    return this.http.delete(`/api/org/departments/${id}`);
  }

  roleOptions(): Observable<RoleOption[]> {
    return this.http.get<RoleOption[]>('/api/org/role-options');
  }

  staffDetail(userid: string): Observable<StaffDetail> {
    return this.http.get<StaffDetail>(`/api/org/staff/${encodeURIComponent(userid)}`);
  }

  /** Errors (a taken phone number…) are shown by the dialog itself, beside its form. */
  createStaff(fields: Partial<StaffFields>): Observable<StaffDetail> {
    return this.http.post<StaffDetail>('/api/org/staff', fields, { context: callerShowsErrors([400, 409]) });
  }

  updateStaff(userid: string, fields: Partial<StaffFields>): Observable<StaffDetail> {
    return this.http.patch<StaffDetail>(`/api/org/staff/${encodeURIComponent(userid)}`, fields, {
      context: callerShowsErrors([400, 409]),
    });
  }

  deleteStaff(userid: string): Observable<unknown> {
    return this.http.delete(`/api/org/staff/${encodeURIComponent(userid)}`);
  }
}
