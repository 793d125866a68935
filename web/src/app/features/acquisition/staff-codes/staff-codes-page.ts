import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { copyLink } from './copy-link';
import { KIND_LABELS, membersLabel, STATUS_LABELS, syncLabel } from './staff-code-texts';
import { qrDownloadUrl, StaffCodesApi } from './staff-codes-api';
import { StaffCode, StaffCodeFilters } from './staff-codes.models';

/**
 * 引流获客 → 员工活码: filters 使用员工 / 活码类型 / 活码状态 and 搜索活动场景, server-side pages,
 * and per code 下载, 复制链接, 查看, 编辑 and 删除.
 */
@Component({
  selector: 'app-staff-codes-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDropDownModule,
    NzModalModule,
    NzSelectModule,
    StaffSelect,
    NzTableModule,
    ServerTableDirective,
    NzTagModule,
    NzTooltipModule,
    IfPermittedDirective,
  ],
  templateUrl: './staff-codes-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 12px;
    }
    .field {
      width: 180px;
    }
    .toolbar {
      display: flex;
      margin-bottom: 12px;
    }
    .spacer {
      flex: 1;
    }
    .thumb {
      width: 48px;
      height: 48px;
    }
    .sync {
      display: block;
      color: #faad14;
      font-size: 12px;
    }
    .sync.failed {
      color: #ff4d4f;
    }
  `,
})
export class StaffCodesPage implements OnInit {
  private readonly api = inject(StaffCodesApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly router = inject(Router);

  protected readonly list = new ServerTable<StaffCode, StaffCodeFilters>({
    filters: { kind: 'all', status: 'all' },
    fetch: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });
  protected readonly kindLabels = KIND_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly membersLabel = membersLabel;
  protected readonly syncLabel = syncLabel;
  protected readonly formatDateTime = formatDateTime;
  protected readonly qrDownloadUrl = qrDownloadUrl;

  protected userid: string | null = null;
  protected kind: StaffCodeFilters['kind'] = 'all';
  protected status: StaffCodeFilters['status'] = 'all';
  protected keyword = '';

  ngOnInit(): void {
    this.list.reload();
  }

  protected search(): void {
    this.list.search({
      kind: this.kind,
      status: this.status,
      ...(this.userid ? { userid: this.userid } : {}),
      ...(this.keyword.trim() ? { keyword: this.keyword.trim() } : {}),
    });
  }

  protected reset(): void {
    this.userid = null;
    this.kind = 'all';
    this.status = 'all';
    this.keyword = '';
    this.search();
  }

  protected create(): void {
    void this.router.navigate(['/acquisition/staff-codes/new']);
  }

  protected view(code: StaffCode): void {
    void this.router.navigate(['/acquisition/staff-codes', code.id]);
  }

  protected edit(code: StaffCode): void {
    void this.router.navigate(['/acquisition/staff-codes', code.id, 'edit']);
  }

  protected async copy(code: StaffCode): Promise<void> {
    if (!code.qrCode) {
      this.message.warning('二维码生成中，请稍后再试');
      return;
    }
    if (await copyLink(code.qrCode)) this.message.success('复制成功');
    else this.message.error('复制失败，请手动复制');
  }

  protected confirmDelete(code: StaffCode): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该员工活码？',
      nzOkText: '确认',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(code.id).subscribe(() => {
          this.message.success('删除成功');
          this.list.reload();
        }),
    });
  }
}
