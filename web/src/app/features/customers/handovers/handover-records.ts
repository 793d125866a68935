import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { HandoverResultDialog } from './handover-result-dialog';
import { HandoversApi } from './handovers-api';
import { describeChoice, HandoverDetail, HandoverRecord } from './handovers.models';

/**
 * 分配记录: one kind's past handovers, newest first, server-side pages; 查看 opens a handover's result view (with
 * 刷新) as it opened right after 分配.
 */
@Component({
  selector: 'app-handover-records',
  imports: [ServerTableDirective, ...SHARED_IMPORTS, NzTableModule, NzTagModule, HandoverResultDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table data-testid="handover-records-table" nzSize="middle" [appServerTable]="list">
      <thead>
        <tr>
          <th>分配时间</th>
          <th>原跟进成员</th>
          <th>接替成员</th>
          <th>分配内容</th>
          <th>进度</th>
          <th>操作</th>
        </tr>
      </thead>
      <tbody>
        @for (row of list.items(); track row.id) {
          <tr data-testid="handover-record-row">
            <td>{{ formatDateTime(row.createdAt) }}</td>
            <td>{{ row.handoverName }}</td>
            <td>{{ row.takeoverName }}</td>
            <td>{{ describeChoice(row.customerCount, row.groupCount) }}</td>
            <td data-testid="handover-record-progress">
              <nz-tag [nzColor]="row.finished ? 'success' : 'processing'">{{
                row.finished ? '已完成' : '进行中'
              }}</nz-tag>
              已接替 {{ row.doneCount }}
              @if (row.failedCount) {
                ，未成功 {{ row.failedCount }}
              }
            </td>
            <td>
              <button
                nz-button
                nzType="link"
                nzSize="small"
                type="button"
                (click)="view(row)"
                data-testid="handover-record-view"
              >
                查看
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <app-handover-result-dialog [(open)]="resultOpen" [handoverIds]="resultIds()" [names]="resultNames()" />
  `,
})
export class HandoverRecords implements OnInit {
  private readonly api = inject(HandoversApi);

  readonly kind = input.required<HandoverDetail['kind']>();

  protected readonly list = new ServerTable<HandoverRecord, null>({
    filters: null,
    fetch: ({ page, pageSize }) => this.api.records(this.kind(), page, pageSize),
  });
  protected readonly resultOpen = signal(false);
  protected readonly resultIds = signal<readonly string[]>([]);
  protected readonly resultNames = signal<Readonly<Record<string, string>>>({});
  protected readonly formatDateTime = formatDateTime;
  protected readonly describeChoice = describeChoice;

  ngOnInit(): void {
    this.list.reload();
  }

  protected view(row: HandoverRecord): void {
    this.resultNames.set({ [row.handoverUserid]: row.handoverName, [row.takeoverUserid]: row.takeoverName });
    this.resultIds.set([row.id]);
    this.resultOpen.set(true);
  }
}
