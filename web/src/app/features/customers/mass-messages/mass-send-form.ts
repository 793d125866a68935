import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';

import { GroupedSelect, SelectGroup } from '../../../shared/grouped-select/grouped-select';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffOption, StaffSelect } from '../../system/org/staff-select';
import { MassSendsApi } from './mass-sends-api';
import {
  AudiencePreview,
  MassSendAudience,
  MassSendDetail,
  MassSendInput,
  MassSendKind,
  TEXT_MAX,
  tooSoon,
} from './mass-sends.models';

/** What the pickers offer: members in the caller's 数据权限, 企业微信标签 and 群标签. */
export interface MassSendOptions {
  staff: StaffOption[];
  customerTags: SelectGroup[];
  groupTags: SelectGroup[];
}

const PREVIEW_PAGE_SIZE = 10;

/**
 * 新建 / 编辑群发: 群发类型, 发送范围 with its live count and 查看发送客户列表, 消息内容 (≤300 字) with the
 * phone preview as 微丰小助手 sends it, 立即发送 or 定时发送 (≥5 minutes ahead), 保存草稿 or 发送.
 */
@Component({
  selector: 'app-mass-send-form',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    ServerTableDirective,
    GroupedSelect,
    StaffSelect,
  ],
  templateUrl: './mass-send-form.html',
  styleUrl: './mass-send-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassSendForm implements OnInit {
  private readonly api = inject(MassSendsApi);
  private readonly message = inject(NzMessageService);

  readonly send = input<MassSendDetail | null>(null);
  readonly options = input.required<MassSendOptions>();
  readonly saving = input(false);
  readonly saved = output<MassSendInput>();
  readonly cancelled = output<void>();

  protected readonly textMax = TEXT_MAX;
  protected kind: MassSendKind = 'customers';
  protected customerMode: 'all' | 'filter' = 'all';
  protected adderUserids: string[] = [];
  protected tagIds: string[] = [];
  protected excludeTagIds: string[] = [];
  protected ownerUserids: string[] = [];
  protected groupTagIds: string[] = [];
  protected text = '';
  protected timingMode: 'now' | 'scheduled' = 'now';
  protected sendAt: Date | null = null;

  /** 查看发送客户列表's pages: whom the audience in force when it was opened resolves to now. */
  protected readonly preview = new ServerTable<AudiencePreview['items'][number], MassSendAudience | null>({
    filters: null,
    pageSize: PREVIEW_PAGE_SIZE,
    fetch: ({ filters, page, pageSize }) =>
      filters ? this.api.preview(filters, page, pageSize) : of({ items: [], total: 0, page, pageSize }),
  });
  protected readonly previewOpen = signal(false);

  ngOnInit(): void {
    const send = this.send();
    if (!send) return;
    this.kind = send.audience.kind;
    if (send.audience.kind === 'customers') {
      const customers = send.audience.customers;
      this.customerMode = customers.mode;
      this.excludeTagIds = [...customers.excludeTagIds];
      if (customers.mode === 'filter') {
        this.adderUserids = [...customers.adderUserids];
        this.tagIds = [...customers.tagIds];
      }
    } else {
      this.ownerUserids = [...send.audience.groups.ownerUserids];
      this.groupTagIds = [...send.audience.groups.groupTagIds];
    }
    this.text = send.text;
    this.timingMode = send.timing.mode;
    this.sendAt = send.timing.mode === 'scheduled' ? new Date(send.timing.sendAt) : null;
  }

  protected audience(): MassSendAudience {
    if (this.kind === 'groups') {
      return { kind: 'groups', groups: { ownerUserids: this.ownerUserids, groupTagIds: this.groupTagIds } };
    }
    return this.customerMode === 'all'
      ? { kind: 'customers', customers: { mode: 'all', excludeTagIds: this.excludeTagIds } }
      : {
          kind: 'customers',
          customers: {
            mode: 'filter',
            adderUserids: this.adderUserids,
            tagIds: this.tagIds,
            excludeTagIds: this.excludeTagIds,
          },
        };
  }

  /** 查看发送客户列表 (R-3.3.2-05): the count and a page of who, as the send would resolve it now. */
  protected showPreview(): void {
    const problem = this.audienceProblem();
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.previewOpen.set(true);
    this.preview.search(this.audience());
  }

  protected submit(draft: boolean): void {
    const problem = this.audienceProblem() ?? this.contentProblem(draft);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.saved.emit({
      audience: this.audience(),
      text: this.text.trim(),
      timing:
        this.timingMode === 'scheduled' && this.sendAt
          ? { mode: 'scheduled', sendAt: this.sendAt.toISOString() }
          : { mode: 'now' },
      remindAfterHours: 0,
      draft,
    });
  }

  private audienceProblem(): string | null {
    if (this.kind === 'groups') return this.ownerUserids.length === 0 ? '请选择群主' : null;
    if (this.customerMode === 'filter' && this.adderUserids.length + this.tagIds.length === 0) {
      return '请选择添加人或标签';
    }
    return null;
  }

  private contentProblem(draft: boolean): string | null {
    if (!this.text.trim()) return '请输入消息内容';
    if ([...this.text].length > TEXT_MAX) return `消息内容最多${TEXT_MAX}字`;
    if (this.timingMode === 'scheduled') {
      if (!this.sendAt) return '请选择发送时间';
      if (!draft && tooSoon(this.sendAt, new Date())) return '定时发送时间需晚于当前时间5分钟以上';
    }
    return null;
  }
}
