import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { ListColumnsView } from '../../../shared/list-columns/list-columns';
import { SyncStarted, SyncState } from '../../../shared/manual-sync/sync-state';
import {
  CustomerGroupFilters,
  CustomerGroupPage,
  CustomerGroupPortrait,
  MessageTrend,
} from './customer-groups.models';

/** The 客户群 endpoints under /api/customer-groups. */
@Injectable({ providedIn: 'root' })
export class CustomerGroupsApi {
  private readonly http = inject(HttpClient);

  list(filters: CustomerGroupFilters, page: number, pageSize: number): Observable<CustomerGroupPage> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    for (const [name, value] of Object.entries(filters)) {
      if (Array.isArray(value)) {
        if (value.length) params = params.set(name, value.join(','));
      } else if (value) {
        params = params.set(name, value);
      }
    }
    return this.http.get<CustomerGroupPage>('/api/customer-groups', { params });
  }

  columns(): Observable<ListColumnsView> {
    return this.http.get<ListColumnsView>('/api/customer-groups/columns');
  }

  saveColumns(columns: string[]): Observable<ListColumnsView> {
    return this.http.put<ListColumnsView>('/api/customer-groups/columns', { columns });
  }

  tag(chatIds: string[], tagIds: string[]): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>('/api/customer-groups/tags', { chatIds, tagIds });
  }

  setTags(chatId: string, tagIds: string[]): Observable<void> {
    return this.http.put<void>(`/api/customer-groups/${encodeURIComponent(chatId)}/tags`, { tagIds });
  }

  portrait(chatId: string): Observable<CustomerGroupPortrait> {
    return this.http.get<CustomerGroupPortrait>(
      `/api/customer-groups/${encodeURIComponent(chatId)}/portrait`,
    );
  }

  trend(chatId: string, days: 7 | 30): Observable<MessageTrend> {
    return this.http.get<MessageTrend>(`/api/customer-groups/${encodeURIComponent(chatId)}/message-trend`, {
      params: { days },
    });
  }

  /** The customer-group sync's status: its 最近更新 line and the day's manual syncs. */
  syncState(): Observable<SyncState> {
    return this.http.get<SyncState>('/api/customer-groups/sync');
  }

  /** 同步 (the customer-group sync workflow: 2 a day, 10 minutes apart; 409/429 shown by ManualSync). */
  startSync(): Observable<SyncStarted> {
    return this.http.post<SyncStarted>(
      '/api/customer-groups/sync',
      {},
      { context: callerShowsErrors([409, 429]) },
    );
  }
}
