import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import type { PageOf, TableSort } from '../../../shared/server-table/server-table';
import {
  AnalyticsFilters,
  AnalyticsBackfillStatus,
  AnalyticsStaffOptions,
  ConsistencyPage,
  CustomerChatAnalysis,
  CustomerGroupAnalysis,
  CustomerOverview,
  filterParams,
  GroupDetailRow,
  sortParams,
  StaffContactRow,
  StaffGroupRow,
} from './analytics.models';

/** What a paged table of 统计分析 asks: the filters, the page, and the sorted column. */
export interface AnalyticsPageQuery {
  filters: AnalyticsFilters;
  page: number;
  pageSize: number;
  sort: TableSort | null;
}

/** The endpoints under /api/analytics (api/modules/analytics). */
@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly http = inject(HttpClient);

  staffOptions(): Observable<AnalyticsStaffOptions> {
    return this.http.get<AnalyticsStaffOptions>('/api/analytics/staff-options');
  }

  overview(filters: AnalyticsFilters): Observable<CustomerOverview> {
    return this.http.get<CustomerOverview>('/api/analytics/customers/overview', {
      params: filterParams(filters),
    });
  }

  chats(filters: AnalyticsFilters): Observable<CustomerChatAnalysis> {
    return this.http.get<CustomerChatAnalysis>('/api/analytics/customers/chats', {
      params: filterParams(filters),
    });
  }

  groups(filters: AnalyticsFilters): Observable<CustomerGroupAnalysis> {
    return this.http.get<CustomerGroupAnalysis>('/api/analytics/customers/groups', {
      params: filterParams(filters),
    });
  }

  groupDays({ filters, page, pageSize }: AnalyticsPageQuery): Observable<PageOf<GroupDetailRow>> {
    return this.http.get<PageOf<GroupDetailRow>>('/api/analytics/customers/group-days', {
      params: filterParams(filters).set('page', page).set('pageSize', pageSize),
    });
  }

  staffContacts({ filters, page, pageSize, sort }: AnalyticsPageQuery): Observable<PageOf<StaffContactRow>> {
    return this.http.get<PageOf<StaffContactRow>>('/api/analytics/staff/contacts', {
      params: sortParams(filterParams(filters), sort).set('page', page).set('pageSize', pageSize),
    });
  }

  staffGroups({ filters, page, pageSize, sort }: AnalyticsPageQuery): Observable<PageOf<StaffGroupRow>> {
    return this.http.get<PageOf<StaffGroupRow>>('/api/analytics/staff/groups', {
      params: sortParams(filterParams(filters), sort).set('page', page).set('pageSize', pageSize),
    });
  }

  consistency(
    { filters, page, pageSize }: AnalyticsPageQuery,
    onlyDifferent: boolean,
  ): Observable<ConsistencyPage> {
    return this.http.get<ConsistencyPage>('/api/analytics/consistency', {
      params: filterParams(filters)
        .set('onlyDifferent', onlyDifferent)
        .set('page', page)
        .set('pageSize', pageSize),
    });
  }

  backfillStatus(): Observable<AnalyticsBackfillStatus> {
    return this.http.get<AnalyticsBackfillStatus>('/api/analytics/rollups/backfill');
  }

  startBackfill(range: { from: string; to: string }): Observable<AnalyticsBackfillStatus> {
    return this.http.post<AnalyticsBackfillStatus>('/api/analytics/rollups/backfill', range);
  }
}

/** 导出's link: the browser downloads the streamed workbook with the filters (and order) in force. */
export function exportUrl(path: string, filters: AnalyticsFilters, sort: TableSort | null = null): string {
  return `${path}?${sortParams(filterParams(filters), sort).toString()}`;
}
