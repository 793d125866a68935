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
import { AnalyticsFilters, defaultFilters, DEFINITIONS, StaffGroupRow } from '../shared/analytics.models';

/** The sortable columns of 客户群沟通 (R-6.2-04), every one numeric. */
const COLUMNS = [
  { key: 'chatTotal', title: '群总数' },
  { key: 'newChat', title: '新增群聊数' },
  { key: 'chatHasMsg', title: '有消息群聊数' },
  { key: 'memberTotal', title: '群成员总数' },
  { key: 'newMember', title: '新增群成员数' },
  { key: 'memberHasMsg', title: '发过消息的群成员数' },
  { key: 'msgTotal', title: '群聊消息总数' },
] as const;

/** 客户群沟通 (R-6.2-04/05): one row per 群主, sorted and paged on the server, with 导出. */
@Component({
  selector: 'app-staff-group-tab',
  imports: [IfPermittedDirective, NzButtonModule, NzIconModule, NzTableModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="block">
      <div class="table-head">
        <h4>客户群沟通</h4>
        <span nz-icon nzType="question-circle" class="tip" nz-tooltip [nzTooltipTitle]="tipTemplate"></span>
        <span class="spacer"></span>
        <a
          *appIfPermitted="'analytics.staff.export'"
          nz-button
          [href]="exportHref()"
          data-testid="staff-groups-export"
          >导出</a
        >
      </div>
      <nz-table
        #table
        nzSize="middle"
        data-testid="staff-groups-table"
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
            <th>群主</th>
            @for (column of columns; track column.key) {
              <th [nzColumnKey]="column.key" [nzSortFn]="true" [attr.data-testid]="'sort-' + column.key">
                {{ column.title }}
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.userid) {
            <tr data-testid="staff-groups-row">
              <td>{{ row.name }}</td>
              @for (column of columns; track column.key) {
                <td>{{ row[column.key] }}</td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTemplate let-total>共 {{ total }} 条</ng-template>
      <ng-template #tipTemplate>
        <div>群总数：{{ definitions.chatTotal }}</div>
        <div>新增群聊数：{{ definitions.newChat }}</div>
        <div>有消息群聊数：{{ definitions.chatHasMsg }}</div>
        <div>群成员总数：{{ definitions.memberTotal }}</div>
        <div>新增群成员数：{{ definitions.newMember }}</div>
        <div>发过消息的群成员数：{{ definitions.memberHasMsg }}</div>
        <div>群聊消息总数：{{ definitions.msgTotal }}</div>
      </ng-template>
    </section>
  `,
  styleUrl: '../shared/analytics-tab.css',
})
export class StaffGroupTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly columns = COLUMNS;
  protected readonly definitions = DEFINITIONS;
  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly list = new ServerTable<StaffGroupRow, AnalyticsFilters>({
    filters: defaultFilters(),
    fetch: (query) => this.api.staffGroups(query),
  });
  /** 导出 in the table's order. */
  protected readonly exportHref = computed(() =>
    exportUrl('/api/analytics/staff/groups/export', this.list.filters(), this.list.sort()),
  );

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.list.search(filters));
    });
  }
}
