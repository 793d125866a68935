import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { forkJoin } from 'rxjs';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { TagsApi } from '../../system/tags/tags-api';
import { CustomersApi } from '../customers/customers-api';
import { MassSendDetailDrawer } from './mass-send-detail';
import { MassSendForm, MassSendOptions } from './mass-send-form';
import { MassSendsApi } from './mass-sends-api';
import {
  actionsOf,
  KIND_LABELS,
  MassSendDetail,
  MassSendFilters,
  MassSendInput,
  MassSendKind,
  MassSendRow,
  MassSendStatus,
  STATUS_LABELS,
  textCell,
} from './mass-sends.models';

/**
 * 客户管理 → 群发管理: sends by 群发类型, 状态 and 创建人, newest first, with what each state allows
 * (I-61), the 新建 / 编辑 form and the 群发详情 drawer.
 */
@Component({
  selector: 'app-mass-sends-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
    MassSendForm,
    MassSendDetailDrawer,
  ],
  templateUrl: './mass-sends-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassSendsPage implements OnInit {
  private readonly api = inject(MassSendsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  protected readonly list = new ServerTable<MassSendRow, MassSendFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });
  protected readonly kindOptions = Object.entries(KIND_LABELS) as Array<[MassSendKind, string]>;
  protected readonly statusOptions = Object.entries(STATUS_LABELS) as Array<[MassSendStatus, string]>;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly actionsOf = actionsOf;
  protected readonly textCell = textCell;
  protected readonly formatDateTime = formatDateTime;

  /** The form: null closed, 'new', or the send being edited. */
  protected readonly editing = signal<MassSendDetail | 'new' | null>(null);
  protected readonly options = signal<MassSendOptions>({ staff: [], customerTags: [], groupTags: [] });
  protected readonly saving = signal(false);
  protected readonly viewing = signal<string | null>(null);

  protected kind: MassSendKind | null = null;
  protected status: MassSendStatus | null = null;
  protected creator = '';

  ngOnInit(): void {
    this.list.reload();
  }

  protected search(): void {
    this.list.search({
      kind: this.kind ?? undefined,
      status: this.status ?? undefined,
      creator: this.creator.trim() || undefined,
    });
  }

  protected reset(): void {
    this.kind = null;
    this.status = null;
    this.creator = '';
    this.search();
  }

  protected openNew(): void {
    this.loadOptions(() => this.editing.set('new'));
  }

  protected openEdit(row: MassSendRow): void {
    this.loadOptions(() => this.api.detail(row.id).subscribe((detail) => this.editing.set(detail)));
  }

  protected editingSend(): MassSendDetail | null {
    const editing = this.editing();
    return editing === 'new' ? null : editing;
  }

  protected save(input: MassSendInput): void {
    const editing = this.editing();
    if (editing === null) return;
    this.saving.set(true);
    const request = editing === 'new' ? this.api.create(input) : this.api.update(editing.id, input);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.message.success(
          input.draft ? '已保存为草稿' : input.timing.mode === 'now' ? '已发送' : '已创建定时群发',
        );
        this.list.reload();
      },
      error: () => this.saving.set(false),
    });
  }

  protected confirmDelete(row: MassSendRow): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该群发？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(row.id).subscribe(() => {
          this.message.success('删除成功');
          this.list.reload();
        }),
    });
  }

  protected confirmCancel(row: MassSendRow): void {
    this.modal.confirm({
      nzTitle:
        row.status === 'sent' ? '取消后，未发送的员工将无法再发送，是否确认？' : '是否确认取消该群发？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.cancel(row.id).subscribe(() => {
          this.message.success('已取消');
          this.list.reload();
        }),
    });
  }

  /** The pickers' choices, read when the form opens (members and tags change while the page is open). */
  private loadOptions(then: () => void): void {
    forkJoin([this.customersApi.options(), this.tagsApi.list('group')]).subscribe(
      ([customers, groupTags]) => {
        this.options.set({
          staff: customers.staff,
          customerTags: customers.tagGroups.map((group) => ({
            label: group.name,
            options: group.tags.map((tag) => ({ value: tag.id, label: tag.name })),
          })),
          groupTags: groupTags.map((group) => ({
            label: group.name,
            options: group.tags.map((tag) => ({ value: tag.id, label: tag.name })),
          })),
        });
        then();
      },
    );
  }
}
