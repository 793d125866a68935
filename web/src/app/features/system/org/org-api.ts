import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { DepartmentList, Seats, StaffPage, StaffQuery, SyncStarted, SyncState } from './org.models';

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

  /** Starts a manual sync; a 429 (daily limit, too soon) is shown by the caller as a warning. */
  startSync(): Observable<SyncStarted> {
    return this.http.post<SyncStarted>('/api/org/sync', {}, { context: callerShowsErrors([429]) });
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
}
