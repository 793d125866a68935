import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { SensitiveAlertReviewDialog } from './sensitive-alert-review-dialog';
import {
  type SensitiveAlert,
  type StatusFilter,
  BEHAVIOR_LABELS,
  detailParts,
  SensitiveAlertFilters,
  SensitiveAlertPage,
  SensitiveBehavior,
  VERDICT_LABELS,
} from './sensitive-alerts.models';

/**
 * 会话存档 → 敏感行为审核: the detected behaviours, newest first, by 状态, 触发时间 and 敏感行为,
 * searched by 发送人 or 审核人, with 导出 and the review dialog (审核 / 查看 / 编辑). `?review=<id>`, the app
 * message's link, opens that alert's dialog.
 */
@Component({
  selector: 'app-sensitive-alerts-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzSelectModule,
    NzTableModule,
    ServerTableDirective,
    IfPermittedDirective,
    SensitiveAlertReviewDialog,
  ],
  templateUrl: './sensitive-alerts-page.html',
  styles: `
    .panel {
      background: #fff;
      border-radius: 8px;
      padding: 16px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 16px;
    }
    .field {
      width: 200px;
    }
    .spacer {
      flex: 1;
    }
    .hit {
      color: #f5222d;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveAlertsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);

  protected readonly list = new ServerTable<SensitiveAlert, SensitiveAlertFilters>({
    filters: { behavior: 'all' },
    fetch: ({ filters, page, pageSize }) =>
      this.http.get<SensitiveAlertPage>('/api/sensitive-alerts', {
        params: filterParams(filters).set('page', page).set('pageSize', pageSize),
      }),
  });
  protected readonly behaviors = Object.entries(BEHAVIOR_LABELS) as Array<[SensitiveBehavior, string]>;
  protected readonly labelOf = BEHAVIOR_LABELS;
  protected readonly detailParts = detailParts;
  protected readonly formatDateTime = formatDateTime;

  protected behavior: SensitiveBehavior | 'all' = 'all';
  protected range: Date[] = [];
  protected keyword = '';
  protected status: StatusFilter = 'all';
  protected readonly verdictLabels = VERDICT_LABELS;
  protected readonly reviewOpen = signal(false);
  protected readonly reviewing = signal<SensitiveAlert | null>(null);
  protected readonly reviewReadOnly = signal(false);

  ngOnInit(): void {
    this.list.reload();
    const linked = this.route.snapshot.queryParamMap.get('review');
    if (linked) {
      this.http
        .get<SensitiveAlert>(`/api/sensitive-alerts/${encodeURIComponent(linked)}`)
        .subscribe((alert) => this.openReview(alert, false));
    }
  }

  protected search(): void {
    const [from, to] = this.range;
    this.list.search({
      behavior: this.behavior,
      ...(from ? { from: new Date(new Date(from).setHours(0, 0, 0, 0)).toISOString() } : {}),
      ...(to ? { to: new Date(new Date(to).setHours(23, 59, 59, 999)).toISOString() } : {}),
      ...(this.keyword.trim() ? { keyword: this.keyword.trim() } : {}),
      status: this.status,
    });
  }

  protected reset(): void {
    this.behavior = 'all';
    this.range = [];
    this.keyword = '';
    this.status = 'all';
    this.search();
  }

  protected openReview(alert: SensitiveAlert, readOnly: boolean): void {
    this.reviewing.set(alert);
    this.reviewReadOnly.set(readOnly);
    this.reviewOpen.set(true);
  }

  /** 导出 with the filters in force: the browser downloads the streamed workbook. */
  protected exportUrl(): string {
    return `/api/sensitive-alerts/export?${filterParams(this.list.filters()).toString()}`;
  }
}

/** The filters in force as query parameters, unset ones left out: the list and 导出 send the same. */
function filterParams(filters: SensitiveAlertFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) if (value) params = params.set(name, value);
  return params;
}
