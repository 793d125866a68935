import { CdkDrag, CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { Undelivered } from '../../../shared/undelivered/undelivered';
import { moveColumn, toggleColumn } from '../../../shared/list-columns/list-columns';
import { copyText } from './copy-link';
import { GroupCodesApi } from './group-codes-api';
import {
  clip,
  ColumnOption,
  GroupCodeFilters,
  GroupCodeRow,
  GroupCodeStatus,
  qrUrl,
  STATUS_LABELS,
} from './group-codes.models';

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * 引流获客 → 群活码: search on 名称/活动场景, 活码状态 and 创建时间 (I-17), the user's columns and
 * their order (gear, R-0-08), 下载, 复制链接, 群码管理, and 更多 → 编辑 / 删除.
 */
@Component({
  selector: 'app-group-codes-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    CdkDrag,
    CdkDropList,
    NzCheckboxModule,
    NzDatePickerModule,
    NzDropDownModule,
    NzModalModule,
    NzPopoverModule,
    NzSelectModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
    Undelivered,
  ],
  templateUrl: './group-codes-page.html',
  styleUrl: './group-codes.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCodesPage implements OnInit {
  private readonly api = inject(GroupCodesApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  protected readonly list = new ServerTable<GroupCodeRow, GroupCodeFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });
  protected readonly availableColumns = signal<ColumnOption[]>([]);
  protected readonly columns = signal<string[]>([]);
  protected readonly visibleColumns = computed(() => {
    const labels = new Map(this.availableColumns().map((column) => [column.key, column.label]));
    return this.columns().flatMap((key) => (labels.has(key) ? [{ key, label: labels.get(key)! }] : []));
  });
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly clip = clip;
  protected readonly qrUrl = qrUrl;

  protected keyword = '';
  protected status: GroupCodeStatus | '' = '';
  protected createdRange: Date[] = [];

  ngOnInit(): void {
    this.api.columns().subscribe((columns) => {
      this.availableColumns.set(columns.available);
      this.columns.set(columns.columns);
    });
    this.list.reload();
  }

  protected search(): void {
    const [from, to] = this.createdRange;
    this.list.search({
      keyword: this.keyword.trim() || undefined,
      status: this.status || undefined,
      createdFrom: from ? dayOf(from) : undefined,
      createdTo: to ? dayOf(to) : undefined,
    });
  }

  protected reset(): void {
    this.keyword = '';
    this.status = '';
    this.createdRange = [];
    this.search();
  }

  protected isVisible(key: string): boolean {
    return this.columns().includes(key);
  }

  protected toggleColumn(key: string, visible: boolean): void {
    const manual = this.availableColumns().map((column) => column.key);
    this.saveColumns(toggleColumn(this.columns(), key, visible, manual, 'name'));
  }

  protected dropColumn(event: CdkDragDrop<string[]>): void {
    this.saveColumns(moveColumn(this.columns(), event.previousIndex, event.currentIndex));
  }

  protected copyLink(row: GroupCodeRow): void {
    void copyText(row.link).then(() => this.message.success('复制成功'));
  }

  protected confirmDelete(row: GroupCodeRow): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该群活码？',
      nzOkText: '确认',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(row.id).subscribe(() => {
          this.message.success('删除成功');
          this.list.reload();
        }),
    });
  }

  private saveColumns(columns: string[]): void {
    const before = this.columns();
    this.columns.set(columns);
    this.api.saveColumns(columns).subscribe({ error: () => this.columns.set(before) });
  }
}
