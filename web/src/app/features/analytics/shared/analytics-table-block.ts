import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Observable } from 'rxjs';

import { PageOf, ServerTable } from '../../../shared/server-table/server-table';
import { AnalyticsApi, AnalyticsPageQuery, exportUrl } from './analytics-api';
import { AnalyticsFilters, defaultFilters } from './analytics.models';
import { AnalyticsTable, AnalyticsTableLayout } from './analytics-table';

/** A table of the api's for 员工分析 / 客户分析: its layout, where its pages come from, where its workbook. */
export interface AnalyticsTableSpec<T> extends AnalyticsTableLayout<T> {
  fetch: (api: AnalyticsApi, query: AnalyticsPageQuery) => Observable<PageOf<T>>;
  /** The workbook's endpoint, asked with the filters and the order in force. */
  exportPath: string;
}

/**
 * A block of a 统计分析 tab holding one table of the api's, paged and sorted on the server, with 导出. It loads
 * when its tab first opens and starts again from page 1 on every 查询 of the page's filter bar.
 */
@Component({
  selector: 'app-analytics-table-block',
  imports: [AnalyticsTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="block">
      <app-analytics-table [layout]="spec()" [table]="list" [exportHref]="exportHref()" />
    </section>
  `,
  styleUrl: './analytics-tab.css',
})
export class AnalyticsTableBlock<T> {
  private readonly api = inject(AnalyticsApi);
  readonly spec = input.required<AnalyticsTableSpec<T>>();
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly list = new ServerTable<T, AnalyticsFilters>({
    filters: defaultFilters(),
    follow: this.filters,
    fetch: (query) => this.spec().fetch(this.api, query),
  });
  protected readonly exportHref = computed(() =>
    exportUrl(this.spec().exportPath, this.list.filters(), this.list.sort()),
  );
}
