import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { PageOf, ServerTable } from '../../../shared/server-table/server-table';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { AnalyticsChart } from '../shared/analytics-chart';
import { sortParams } from '../shared/analytics.models';
import { AnalyticsTable, AnalyticsTableLayout } from '../shared/analytics-table';
import {
  BEHAVIORS,
  behaviorTrendOption,
  DEFAULT_FILTERS,
  filterParams,
  isoDay,
  SensitiveAnalysis,
  SensitiveAnalyticsFilters,
  SensitiveRankingRow,
  SensitiveWordRankingRow,
  shareChartOption,
  wordTrendOption,
} from './sensitive-analytics.models';

/**
 * 统计分析 → 敏感行为分析: 只看员工/只看客户 (default 只看员工, I-92), 状态, 审核结果 and 时间 (default: from
 * the first trigger until today); 敏感行为占比 and 趋势图, 触发敏感行为排名 (sorted and paged by the api, 导出);
 * 敏感消息分析: 敏感词 TOP5, their trend, 敏感词触发排名 (导出). Every part reads the same filters.
 */
@Component({
  selector: 'app-sensitive-analytics-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzSelectModule,
    AnalyticsChart,
    AnalyticsTable,
    ListEmpty,
  ],
  templateUrl: './sensitive-analytics-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .panel {
      background: #fff;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .field {
      width: 140px;
    }
    .charts {
      display: grid;
      grid-template-columns: 1fr 2fr;
      gap: 16px;
      margin-bottom: 16px;
    }
    h4 {
      font-weight: 500;
      margin-bottom: 12px;
    }
    .empty {
      height: 320px;
      display: flex;
      align-items: center;
      justify-content: center;
    }
    h3 {
      margin: 0 0 12px;
    }
    .top-words {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .top-words li {
      display: flex;
      justify-content: space-between;
      padding: 10px 4px;
      border-bottom: 1px solid #f0f0f0;
    }
    .top-rank {
      display: inline-block;
      width: 24px;
      color: #8c8c8c;
    }
  `,
})
export class SensitiveAnalyticsPage implements OnInit {
  private readonly http = inject(HttpClient);

  protected readonly behaviors = BEHAVIORS;
  protected view = DEFAULT_FILTERS.view;
  protected status = DEFAULT_FILTERS.status;
  protected result = DEFAULT_FILTERS.result;
  protected range: Date[] = [];

  protected readonly filters = signal<SensitiveAnalyticsFilters>(DEFAULT_FILTERS);
  protected readonly analysis = signal<SensitiveAnalysis | null>(null);
  protected readonly loading = signal(false);
  protected readonly shareOption = computed(() => {
    const analysis = this.analysis();
    return analysis && shareChartOption(analysis);
  });
  protected readonly trendOption = computed(() => {
    const analysis = this.analysis();
    return analysis && behaviorTrendOption(analysis);
  });
  protected readonly wordOption = computed(() => {
    const analysis = this.analysis();
    return analysis && wordTrendOption(analysis);
  });

  /** 触发敏感行为排名: sorted by the api on any numeric column (违规总次数, most first, by default). */
  protected readonly ranking = new ServerTable<SensitiveRankingRow, SensitiveAnalyticsFilters>({
    filters: DEFAULT_FILTERS,
    fetch: ({ filters, page, pageSize, sort }) =>
      this.http.get<PageOf<SensitiveRankingRow>>('/api/analytics/sensitive-behaviors/ranking', {
        params: sortParams(new HttpParams({ fromObject: filterParams(filters) }), sort)
          .set('page', page)
          .set('pageSize', pageSize),
      }),
  });
  /** 部门 beside a member, 跟进人 beside a customer; every count sortable. */
  protected readonly rankingLayout = computed<AnalyticsTableLayout<SensitiveRankingRow>>(() => ({
    title: '触发敏感行为排名',
    testId: 'sensitive-ranking',
    columns: [
      { title: '排名', cell: (row) => row.rank },
      { title: '姓名', cell: (row) => row.name },
      {
        title: this.filters().view === 'staff' ? '部门' : '跟进人',
        cell: (row) => row.context.join('、') || '-',
      },
      ...BEHAVIORS.map(([key, title]) => ({
        title,
        sortKey: key,
        cell: (row: SensitiveRankingRow) => row[key],
      })),
      { title: '违规总次数', sortKey: 'total', testId: 'sensitive-ranking-total', cell: (row) => row.total },
    ],
    rowKey: (row) => row.id,
    exportPermission: 'analytics.sensitive-behaviors.export',
  }));

  /** 敏感词触发排名: most hits first. */
  protected readonly wordRanking = new ServerTable<SensitiveWordRankingRow, SensitiveAnalyticsFilters>({
    filters: DEFAULT_FILTERS,
    fetch: ({ filters, page, pageSize }) =>
      this.http.get<PageOf<SensitiveWordRankingRow>>('/api/analytics/sensitive-words/ranking', {
        params: { ...filterParams(filters), page, pageSize },
      }),
  });

  protected readonly wordRankingLayout: AnalyticsTableLayout<SensitiveWordRankingRow> = {
    title: '敏感词触发排名',
    testId: 'sensitive-word-ranking',
    columns: [
      { title: '排名', cell: (row) => row.rank },
      { title: '姓名', cell: (row) => row.name },
      { title: '敏感词触发次数', cell: (row) => row.count },
    ],
    rowKey: (row) => row.userid,
    exportPermission: 'analytics.sensitive-behaviors.export',
  };

  ngOnInit(): void {
    this.apply(DEFAULT_FILTERS);
  }

  protected search(): void {
    const [from, to] = this.range;
    this.apply({
      view: this.view,
      status: this.status,
      result: this.result,
      ...(from && to ? { from: isoDay(from), to: isoDay(to) } : {}),
    });
  }

  protected reset(): void {
    this.view = DEFAULT_FILTERS.view;
    this.status = DEFAULT_FILTERS.status;
    this.result = DEFAULT_FILTERS.result;
    this.range = [];
    this.apply(DEFAULT_FILTERS);
  }

  /** 导出 with the filters (and the ranking's order) in force: the browser downloads the streamed workbook. */
  protected rankingExportUrl(): string {
    const params = sortParams(
      new HttpParams({ fromObject: filterParams(this.filters()) }),
      this.ranking.sort(),
    );
    return `/api/analytics/sensitive-behaviors/ranking/export?${params.toString()}`;
  }

  protected wordRankingExportUrl(): string {
    return `/api/analytics/sensitive-words/ranking/export?${new URLSearchParams(filterParams(this.filters())).toString()}`;
  }

  private apply(filters: SensitiveAnalyticsFilters): void {
    this.filters.set(filters);
    this.ranking.search(filters);
    this.wordRanking.search(filters);
    this.loading.set(true);
    this.http
      .get<SensitiveAnalysis>('/api/analytics/sensitive-behaviors', { params: filterParams(filters) })
      .subscribe({
        next: (analysis) => {
          this.analysis.set(analysis);
          // The default range, as the api filled it in, shows in the picker.
          if (!filters.from)
            this.range = [new Date(`${analysis.from}T00:00:00`), new Date(`${analysis.to}T00:00:00`)];
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }
}
