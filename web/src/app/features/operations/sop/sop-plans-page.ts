import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AuthService } from '../../../core/auth/auth.service';
import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { SopApi } from './sop-api';
import { DELETE_REFUSED, nameCell, SopPlanRow } from './sop.models';

/**
 * 客户运营 → SOP计划 (R-8.2-01 … 05): plans by 搜索关键词, newest first, with the switch (off cancels the
 * reminders not sent yet, I-114), 编辑 / 详情, and 删除 only while off (I-115).
 */
@Component({
  selector: 'app-sop-plans-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzBreadCrumbModule,
    NzModalModule,
    NzSwitchModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
  ],
  templateUrl: './sop-plans-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  styles: '.crumbs { margin-bottom: 12px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SopPlansPage implements OnInit {
  private readonly api = inject(SopApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly router = inject(Router);

  protected readonly list = new ServerTable<SopPlanRow, { keyword: string }>({
    filters: { keyword: '' },
    fetch: ({ filters, page, pageSize }) => this.api.list(filters.keyword, page, pageSize),
  });
  protected readonly nameCell = nameCell;
  protected readonly formatDateTime = formatDateTime;
  protected readonly deleteRefused = DELETE_REFUSED;
  protected keyword = '';

  ngOnInit(): void {
    this.list.reload();
  }

  protected search(): void {
    this.list.search({ keyword: this.keyword.trim() });
  }

  protected canSwitch(): boolean {
    return this.auth.can('operation.sop.edit');
  }

  protected edit(row: SopPlanRow): void {
    void this.router.navigate(['/operation/sop', row.id, 'edit']);
  }

  /** On at once; off after a confirm, since it cancels the reminders not sent yet (I-114). */
  protected toggle(row: SopPlanRow): void {
    if (!row.enabled) {
      this.setEnabled(row, true);
      return;
    }
    this.modal.confirm({
      nzTitle: '是否确认关闭该SOP计划？',
      nzContent: '关闭后，尚未发送的提醒将被取消；重新开启后只会发送之后的提醒。',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () => this.setEnabled(row, false),
    });
  }

  protected confirmDelete(row: SopPlanRow): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该SOP计划？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(row.id).subscribe(() => {
          this.message.success('删除成功');
          this.list.reload();
        }),
    });
  }

  private setEnabled(row: SopPlanRow, enabled: boolean): void {
    this.api.switch(row.id, enabled).subscribe({
      next: () => {
        this.message.success(enabled ? '已开启' : '已关闭');
        this.list.reload();
      },
      // The switch shows the state the server has: reload puts it back after a refusal.
      error: () => this.list.reload(),
    });
  }
}
