import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../core/net/api-error';
import type { PageOf } from '../../shared/server-table/server-table';
import { SopTodoCard, SopTodoDetail, SopTodoTab, SopTodoTarget } from './h5-sop.models';

const at = (id: string) => `/api/h5/sop-todos/${encodeURIComponent(id)}`;

/** The member's SOP 待办 under /api/h5/sop-todos. */
@Injectable({ providedIn: 'root' })
export class H5SopApi {
  private readonly http = inject(HttpClient);

  list(tab: SopTodoTab, page: number, pageSize: number): Observable<PageOf<SopTodoCard>> {
    const params = new HttpParams().set('tab', tab).set('page', page).set('pageSize', pageSize);
    return this.http.get<PageOf<SopTodoCard>>('/api/h5/sop-todos', { params });
  }

  /** The page says itself why the task cannot be shown: no toast on top of it. */
  detail(id: string): Observable<SopTodoDetail> {
    return this.http.get<SopTodoDetail>(at(id), { context: callerShowsErrors() });
  }

  targets(id: string, page: number, pageSize: number): Observable<PageOf<SopTodoTarget>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<PageOf<SopTodoTarget>>(`${at(id)}/targets`, { params });
  }

  complete(id: string): Observable<unknown> {
    return this.http.post(`${at(id)}/complete`, {});
  }
}
