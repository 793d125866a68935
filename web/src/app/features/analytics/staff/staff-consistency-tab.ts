import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { tap } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { AnalyticsApi } from '../shared/analytics-api';
import {
  AnalyticsBackfillStatus,
  AnalyticsFilters,
  ConsistencyPage,
  ConsistencyRow,
  defaultFilters,
} from '../shared/analytics.models';

const BACKFILL_POLL_MS = 3_000;

/** The counts WeCom's 联系客户统计 and our own events and archive both give, in the manual's words. */
const FIELDS = [
  { key: 'newApply', title: '客户申请数' },
  { key: 'newContact', title: '新增客户数' },
  { key: 'chatCnt', title: '聊天总数' },
  { key: 'messageCnt', title: '发送消息数' },
  { key: 'deletedByCustomer', title: '删除/拉黑成员的客户数' },
] as const;

/**
 * 数据核对 (issue 17): per staff member and day, WeCom's figure (what the other tabs show) beside ours, the
 * differing ones in red; 只看不一致 keeps only the days where some count differs.
 */
@Component({
  selector: 'app-staff-consistency-tab',
  imports: [
    FormsModule,
    IfPermittedDirective,
    NzButtonModule,
    NzSwitchModule,
    NzTableModule,
    ServerTableDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="block">
      <div class="table-head">
        <h4>数据核对</h4>
        <span class="hint">企业微信统计 / 会话存档统计，统计页面展示企业微信的数据</span>
        <span class="spacer"></span>
        <nz-switch
          [ngModel]="onlyDifferent()"
          (ngModelChange)="showOnlyDifferent($event)"
          data-testid="consistency-only-different"
        />
        <span>只看不一致</span>
        <button
          *appIfPermitted="'analytics.customers'"
          nz-button
          type="button"
          [disabled]="backfill()?.running"
          (click)="startBackfill()"
          data-testid="backfill-start"
        >
          补算所选时间
        </button>
      </div>
      @if (backfill(); as status) {
        @if (status.from) {
          <p class="hint" data-testid="backfill-status">
            @if (status.running) {
              补算中：{{ status.from }} 至 {{ status.to }}，已完成 {{ status.daysDone }}/{{
                status.daysTotal
              }}
              天
            } @else if (status.failure) {
              补算 {{ status.from }} 至 {{ status.to }} 未完成：{{ status.failure }}
            } @else {
              已补算 {{ status.from }} 至 {{ status.to }}（{{ status.daysDone }} 天）
            }
          </p>
        }
      }
      @if (totals(); as sums) {
        <p class="hint" data-testid="consistency-totals">
          合计：
          @for (field of fields; track field.key) {
            <span [class.differs]="sums[field.key].wecom !== sums[field.key].ours">
              {{ field.title }} {{ sums[field.key].wecom }} / {{ sums[field.key].ours }}；
            </span>
          }
        </p>
      }
      <nz-table nzSize="middle" data-testid="consistency-table" [appServerTable]="list">
        <thead>
          <tr>
            <th>日期</th>
            <th>员工</th>
            @for (field of fields; track field.key) {
              <th>{{ field.title }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of list.items(); track row.day + row.userid) {
            <tr data-testid="consistency-row">
              <td>{{ row.day }}</td>
              <td>{{ row.name }}</td>
              @for (field of fields; track field.key) {
                <td [class.differs]="row.counts[field.key].wecom !== row.counts[field.key].ours">
                  {{ row.counts[field.key].wecom }} / {{ row.counts[field.key].ours }}
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
  styleUrl: '../shared/analytics-tab.css',
  styles: `
    .differs {
      color: #f5222d;
    }
  `,
})
export class StaffConsistencyTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly fields = FIELDS;
  protected readonly onlyDifferent = signal(false);
  protected readonly totals = signal<ConsistencyPage['totals'] | null>(null);
  protected readonly list = new ServerTable<ConsistencyRow, AnalyticsFilters>({
    filters: defaultFilters(),
    // The sums come with each page: the line above the table follows the rows it sums.
    fetch: (query) =>
      this.api.consistency(query, this.onlyDifferent()).pipe(tap((page) => this.totals.set(page.totals))),
  });

  /** The tenant's latest 补算 (W-16), followed every few seconds while it runs. */
  protected readonly backfill = signal<AnalyticsBackfillStatus | null>(null);
  private polling: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.list.search(filters));
    });
    this.followBackfill();
    inject(DestroyRef).onDestroy(() => this.polling && clearTimeout(this.polling));
  }

  /** 补算所选时间: recomputes the days of the range in force (today is refused by the api: it is not over). */
  protected startBackfill(): void {
    const { from, to } = this.list.filters();
    this.api.startBackfill({ from, to }).subscribe((status) => {
      this.backfill.set(status);
      this.followBackfill();
    });
  }

  private followBackfill(): void {
    if (this.polling) clearTimeout(this.polling);
    this.api.backfillStatus().subscribe((status) => {
      const wasRunning = this.backfill()?.running;
      this.backfill.set(status);
      if (status.running) this.polling = setTimeout(() => this.followBackfill(), BACKFILL_POLL_MS);
      else if (wasRunning) this.list.search(this.list.filters());
    });
  }

  protected showOnlyDifferent(only: boolean): void {
    this.onlyDifferent.set(only);
    this.list.search(this.list.filters());
  }
}
