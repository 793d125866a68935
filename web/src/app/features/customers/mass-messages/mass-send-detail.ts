import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { switchMap, timer } from 'rxjs';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { MassSendsApi } from './mass-sends-api';
import {
  MassSendDetail,
  MassSendResultRow,
  outcomeLabel,
  RecipientStatus,
  STATUS_LABELS,
} from './mass-sends.models';

/** The detail follows the members' progress while it is open, without a reload (issue 14: live progress). */
const REFRESH_MS = 30_000;
/** 刷新 asks WeCom through the send's workflow; its poll has usually landed by then. */
const POLL_LANDS_MS = 5_000;

const TABS: ReadonlyArray<{ label: string; status: RecipientStatus | null }> = [
  { label: '全部', status: null },
  { label: '已发送', status: 'sent' },
  { label: '未发送', status: 'unsent' },
  { label: '发送失败', status: 'failed' },
];

/**
 * 群发详情 (R-3.3.3): 发送时间, 发送内容, the progress (sent / unsent / failed) in all and per member, and the
 * 发送结果 by tab, paged, refreshed every 30 s or on demand, and exported; 提醒未发送员工 while members have not
 * sent.
 */
@Component({
  selector: 'app-mass-send-detail',
  imports: [
    ...SHARED_IMPORTS,
    NzDrawerModule,
    NzProgressModule,
    NzTableModule,
    ServerTableDirective,
    NzTabsModule,
    IfPermittedDirective,
  ],
  templateUrl: './mass-send-detail.html',
  styleUrl: './mass-send-detail.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassSendDetailDrawer implements OnInit {
  private readonly api = inject(MassSendsApi);
  private readonly message = inject(NzMessageService);

  readonly sendId = input.required<string>();
  readonly closed = output<void>();

  protected readonly tabs = TABS;
  protected readonly detail = signal<MassSendDetail | null>(null);
  protected readonly reminding = signal(false);
  protected readonly refreshing = signal(false);
  protected readonly results = new ServerTable<MassSendResultRow, { status: RecipientStatus | null }>({
    filters: { status: null },
    pageSize: 10,
    fetch: ({ filters, page, pageSize }) => this.api.results(this.sendId(), filters.status, page, pageSize),
  });
  protected readonly formatDateTime = formatDateTime;
  protected readonly outcomeLabel = outcomeLabel;
  protected readonly statusLabels = STATUS_LABELS;

  constructor() {
    const timer = setInterval(() => this.refresh(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    this.refresh();
  }

  protected refresh(): void {
    this.api.detail(this.sendId()).subscribe((detail) => this.detail.set(detail));
    this.results.reload();
  }

  /** 刷新: WeCom's latest results (the workflow polls now), then the detail and the page again. */
  protected refreshFromWeCom(): void {
    this.refreshing.set(true);
    this.api
      .refreshResults(this.sendId())
      .pipe(switchMap(({ refreshing }) => timer(refreshing ? POLL_LANDS_MS : 0)))
      .subscribe({
        next: () => {
          this.refreshing.set(false);
          this.refresh();
        },
        error: () => this.refreshing.set(false),
      });
  }

  protected percent(detail: MassSendDetail): number {
    const { total, sent, failed } = detail.progress;
    return total === 0 ? 0 : Math.round(((sent + failed) / total) * 100);
  }

  /** 导出 the tab in force: the browser downloads the streamed workbook. */
  protected exportUrl(): string {
    const status = this.results.filters().status;
    return `/api/mass-sends/${this.sendId()}/results/export${status ? `?status=${status}` : ''}`;
  }

  protected showTab(index: number): void {
    this.results.search({ status: TABS[index].status });
  }

  protected remind(): void {
    this.reminding.set(true);
    this.api.remind(this.sendId()).subscribe({
      next: () => {
        this.reminding.set(false);
        this.message.success('已提醒未发送的员工');
      },
      error: () => this.reminding.set(false),
    });
  }
}
