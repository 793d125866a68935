import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { ListColumnsView } from '../../../shared/list-columns/list-columns';
import { SyncStarted, SyncState } from '../../../shared/manual-sync/sync-state';
import {
  CustomerDetail,
  CustomerEdit,
  CustomerEnterpriseEdit,
  CustomerOptions,
  CustomerPage,
  CustomerQuery,
  TaggingJob,
} from './customer.models';
import { queryParams } from './customer-texts';

/** The 客户 endpoints under /api/customers. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  list(query: CustomerQuery): Observable<CustomerPage> {
    return this.http.get<CustomerPage>('/api/customers', {
      params: new HttpParams({ fromObject: queryParams(query) }),
    });
  }

  options(): Observable<CustomerOptions> {
    return this.http.get<CustomerOptions>('/api/customers/options');
  }

  columns(): Observable<ListColumnsView> {
    return this.http.get<ListColumnsView>('/api/customers/columns');
  }

  saveColumns(columns: string[]): Observable<ListColumnsView> {
    return this.http.put<ListColumnsView>('/api/customers/columns', { columns });
  }

  /** 打标签: chosen customers or all matching a filter; answers the WeCom write-back job. */
  tag(body: {
    externalUserids?: string[];
    filter?: Record<string, unknown>;
    addTagIds: string[];
    removeTagIds: string[];
  }): Observable<TaggingJob> {
    return this.http.post<TaggingJob>('/api/customers/tags', body);
  }

  taggingJob(id: string): Observable<TaggingJob> {
    return this.http.get<TaggingJob>(`/api/customers/tag-jobs/${id}`);
  }

  detail(externalUserid: string): Observable<CustomerDetail> {
    return this.http.get<CustomerDetail>(`/api/customers/${encodeURIComponent(externalUserid)}`);
  }

  editEnterprise(externalUserid: string, edit: CustomerEnterpriseEdit): Observable<CustomerDetail> {
    return this.http.put<CustomerDetail>(
      `/api/customers/${encodeURIComponent(externalUserid)}/enterprise`,
      edit,
    );
  }

  edit(externalUserid: string, edit: CustomerEdit): Observable<CustomerDetail> {
    return this.http.patch<CustomerDetail>(`/api/customers/${encodeURIComponent(externalUserid)}`, edit);
  }

  /** The customer sync's status (the customer-sync module). */
  syncState(): Observable<SyncState> {
    return this.http.get<SyncState>('/api/customers/sync');
  }

  /** A refused manual sync (409 running, 429 quota) is shown by ManualSync as a warning. */
  startSync(): Observable<SyncStarted> {
    return this.http.post<SyncStarted>('/api/customers/sync', {}, { context: callerShowsErrors([409, 429]) });
  }
}
