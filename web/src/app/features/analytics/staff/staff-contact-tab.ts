import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ServerTable } from '../../../shared/server-table/server-table';
import { AnalyticsApi, exportUrl } from '../shared/analytics-api';
import {
  AnalyticsFilters,
  defaultFilters,
  DEFINITIONS,
  formatMeanDuration,
  formatRatio,
  StaffContactRow,
} from '../shared/analytics.models';

/** The sortable columns of 客户沟通 (I-91: every numeric column), in the manual's order plus 聊天总数. */
const COLUMNS = [
  { key: 'newApply', title: '客户申请数' },
  { key: 'newContact', title: '新增客户数' },
  { key: 'chatCnt', title: '聊天总数' },
  { key: 'messageCnt', title: '发送消息数' },
  { key: 'replyRatio', title: '已回复聊天占比' },
  { key: 'firstReply', title: '平均首次回复时长' },
  { key: 'deletedByCustomer', title: '删除/拉黑成员的客户数' },
] as const;

/** 客户沟通 (R-6.2-02/03): one row per member, sorted and paged on the server, with 导出. */
@Component({
  selector: 'app-staff-contact-tab',
  imports: [IfPermittedDirective, NzButtonModule, NzIconModule, NzTableModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="block">
      <div class="table-head">
        <h4>客户沟通</h4>
        <span nz-icon nzType="question-circle" class="tip" nz-tooltip [nzTooltipTitle]="tipTemplate"></span>
        <span class="spacer"></span>
        <a
          *appIfPermitted="'analytics.staff.export'"
          nz-button
          [href]="exportHref()"
          data-testid="staff-contacts-export"
          >导出</a
        >
      </div>
      <nz-table
        #table
        nzSize="middle"
        data-testid="staff-contacts-table"
        [nzData]="list.items()"
        [nzFrontPagination]="false"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzLoading]="list.loading()"
        nzShowSizeChanger
        nzShowQuickJumper
        [nzPageSizeOptions]="pageSizeOptions"
        [nzShowTotal]="totalTemplate"
        (nzQueryParams)="list.onQueryParams($event)"
      >
        <thead>
          <tr>
            <th>成员</th>
            @for (column of columns; track column.key) {
              <th [nzColumnKey]="column.key" [nzSortFn]="true" [attr.data-testid]="'sort-' + column.key">
                {{ column.title }}
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.userid) {
            <tr data-testid="staff-contacts-row">
              <td>{{ row.name }}</td>
              <td>{{ row.newApply }}</td>
              <td>{{ row.newContact }}</td>
              <td>{{ row.chatCnt }}</td>
              <td>{{ row.messageCnt }}</td>
              <td>{{ formatRatio(row.reply) }}</td>
              <td>{{ formatMeanDuration(row.firstReply) }}</td>
              <td>{{ row.deletedByCustomer }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTemplate let-total>共 {{ total }} 条</ng-template>
      <ng-template #tipTemplate>
        <div>客户申请数：{{ definitions.newApply }}</div>
        <div>新增客户数：{{ definitions.newContact }}</div>
        <div>聊天总数：{{ definitions.chatCnt }}</div>
        <div>发送消息数：{{ definitions.messageCnt }}</div>
        <div>已回复聊天占比：{{ definitions.reply }}</div>
        <div>平均首次回复时长：{{ definitions.firstReply }}</div>
        <div>删除/拉黑成员的客户数：{{ definitions.blacklisted }}</div>
      </ng-template>
    </section>
  `,
  styleUrl: '../shared/analytics-tab.css',
})
export class StaffContactTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly columns = COLUMNS;
  protected readonly definitions = DEFINITIONS;
  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly formatRatio = formatRatio;
  protected readonly formatMeanDuration = formatMeanDuration;
  protected readonly list = new ServerTable<StaffContactRow, AnalyticsFilters>({
    filters: defaultFilters(),
    fetch: (query) => this.api.staffContacts(query),
  });
  /** 导出 in the table's order. */
  protected readonly exportHref = computed(() =>
    exportUrl('/api/analytics/staff/contacts/export', this.list.filters(), this.list.sort()),
  );

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.list.search(filters));
    });
  }
}
