import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AuthService } from '../../../core/auth/auth.service';
import { GROUP_STATE_LABELS, GroupView, imageUrl } from './group-codes.models';

/** A 实际群码 as its table shows it: a saved one, or one the wizard has yet to create. */
export type ActualGroupRow = Pick<
  GroupView,
  'qrFileId' | 'name' | 'expiresAt' | 'scanCount' | 'scanLimit' | 'state'
>;

const PAGE_SIZE = 20;

/**
 * A code's 实际群码 with their 扫码次数 and 实际群码状态, 编辑 and 删除 (the latter confirmed): the one table of
 * 管理实际群码 (R-2.1.3-06) and the wizard's step 2 (R-2.1.2-10). Paged in the browser, as a code's groups come
 * whole; the pager shows only past one page.
 */
@Component({
  selector: 'app-actual-groups-table',
  imports: [NzTableModule, NzPopconfirmModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './group-codes.css',
  template: `
    <nz-table
      #table
      [nzData]="groups()"
      [nzPageSize]="pageSize"
      nzHideOnSinglePage
      nzSize="middle"
      [attr.data-testid]="testId()"
    >
      <thead>
        <tr>
          <th>实际群码</th>
          <th>群名称</th>
          <th>有效期</th>
          <th>扫码次数</th>
          <th>扫码限制次数</th>
          <th>实际群码状态</th>
          <th>操作</th>
        </tr>
      </thead>
      <tbody>
        @for (group of table.data; track $index) {
          <tr [attr.data-testid]="'code-group-' + group.name">
            <td><img [src]="imageUrl(group.qrFileId)" alt="实际群码" class="thumb" /></td>
            <td>{{ group.name }}</td>
            <td>{{ group.expiresAt }}</td>
            <td data-testid="group-scan-count">{{ group.scanCount }}</td>
            <td>{{ group.scanLimit }}</td>
            <td data-testid="group-state">{{ stateLabels[group.state] }}</td>
            <td class="ops">
              @if (canChange()) {
                <a tabindex="0" (click)="edit.emit(group)" (keydown.enter)="edit.emit(group)">编辑</a>
                <a
                  class="danger"
                  nz-popconfirm
                  nzPopconfirmTitle="是否确认删除该实际群码？"
                  nzOkText="确认"
                  nzCancelText="取消"
                  (nzOnConfirm)="remove.emit(group)"
                  >删除</a
                >
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class ActualGroupsTable<T extends ActualGroupRow> {
  private readonly auth = inject(AuthService);

  readonly groups = input.required<readonly T[]>();
  readonly testId = input.required<string>();
  /** Who sees 编辑 and 删除; without it, whoever sees the table (the wizard is already behind its own). */
  readonly changePermission = input<string>();
  readonly edit = output<T>();
  readonly remove = output<T>();

  protected readonly pageSize = PAGE_SIZE;
  protected readonly stateLabels = GROUP_STATE_LABELS;
  protected readonly imageUrl = imageUrl;
  protected readonly canChange = computed(() => {
    const permission = this.changePermission();
    return permission === undefined || this.auth.can(permission);
  });
}
