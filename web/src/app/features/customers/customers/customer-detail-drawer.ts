import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CustomerChats } from '../../archive/customer-chats/customer-chats';
import { ContactRecordTimeline } from '../contact-records/contact-record-timeline';
import {
  CUSTOMER_SOURCES,
  CustomerDetail,
  CustomerEdit,
  CustomerEnterpriseEdit,
  CustomerOptions,
  EditableField,
  ENTERPRISE_FIELDS,
  EnterpriseField,
  WECHAT_ENTERPRISE_FIELDS,
} from './customer.models';
import { CustomersApi } from './customers-api';
import { describeAdders, orDash } from './customer-texts';

/**
 * 客户详情: a drawer with the header (tags, 编辑), 客户信息 (基本信息, 系统信息), 企业信息
 * (基本信息, 系统信息, 相关客户), 联系记录 (R-3.1.3: the H5 sidebar's timeline component, R-3.1.3-06),
 * 企微会话记录 and 转客服记录 (R-3.1.6, a placeholder: I-53). 编辑 turns only this kind of customer's
 * editable fields into inputs.
 */
@Component({
  selector: 'app-customer-detail-drawer',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDrawerModule,
    NzAvatarModule,
    NzDescriptionsModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzSelectModule,
    IfPermittedDirective,
    CustomerChats,
    ContactRecordTimeline,
    ListEmpty,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-detail-drawer.html',
  styleUrl: './customer-detail-drawer.css',
})
export class CustomerDetailDrawer {
  private readonly api = inject(CustomersApi);
  private readonly message = inject(NzMessageService);

  readonly externalUserid = input.required<string>();
  readonly options = input.required<CustomerOptions>();
  readonly closed = output<void>();
  /** The customer changed (edit or tags): the list refreshes its row. */
  readonly changed = output<void>();

  protected readonly detail = signal<CustomerDetail | null>(null);
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly draft = signal<Required<CustomerEdit>>({
    corpName: '',
    position: '',
    phone: '',
    source: '',
  });
  protected readonly editingEnterprise = signal(false);
  protected readonly enterpriseDraft = signal<Required<CustomerEnterpriseEdit>>(emptyEnterprise());
  protected readonly enterpriseFields = ENTERPRISE_FIELDS;
  protected readonly addingTags = signal(false);
  protected readonly pendingTags = signal<string[]>([]);
  protected readonly sources = CUSTOMER_SOURCES;
  protected readonly formatDateTime = formatDateTime;
  protected readonly orDash = orDash;
  protected readonly describeAdders = (adders: CustomerDetail['customer']['adders']) =>
    describeAdders(adders, Number.MAX_SAFE_INTEGER);

  constructor() {
    effect(() => this.load(this.externalUserid()));
  }

  protected can(field: EditableField): boolean {
    return this.editing() && (this.detail()?.editable.includes(field) ?? false);
  }

  protected startEdit(): void {
    const customer = this.detail()?.customer;
    if (!customer) return;
    this.draft.set({
      corpName: customer.corpName,
      position: customer.position,
      phone: customer.phone,
      source: customer.source,
    });
    this.editing.set(true);
  }

  protected setDraft(field: EditableField, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected save(): void {
    const detail = this.detail();
    if (!detail) return;
    const edit: CustomerEdit = {};
    for (const field of detail.editable) edit[field] = this.draft()[field];
    this.saving.set(true);
    this.api.edit(this.externalUserid(), edit).subscribe({
      next: (updated) => {
        this.detail.set(updated);
        this.editing.set(false);
        this.saving.set(false);
        this.message.success('保存成功');
        this.changed.emit();
      },
      error: () => this.saving.set(false),
    });
  }

  /** 企业信息 编辑 (R-3.1.2-10/11); a WeChat customer without a company starts from empty fields. */
  protected startEnterpriseEdit(): void {
    const enterprise = this.detail()?.enterprise;
    const draft = emptyEnterprise();
    for (const { key } of ENTERPRISE_FIELDS) draft[key] = enterprise?.[key] ?? '';
    this.enterpriseDraft.set(draft);
    this.editingEnterprise.set(true);
  }

  protected canEditEnterprise(field: EnterpriseField): boolean {
    if (!this.editingEnterprise()) return false;
    const editable = this.detail()?.enterprise?.editable ?? WECHAT_ENTERPRISE_FIELDS;
    return editable.includes(field);
  }

  protected setEnterpriseDraft(field: EnterpriseField, value: string): void {
    this.enterpriseDraft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected saveEnterprise(): void {
    const editable = this.detail()?.enterprise?.editable ?? WECHAT_ENTERPRISE_FIELDS;
    const edit: CustomerEnterpriseEdit = {};
    for (const field of editable) edit[field] = this.enterpriseDraft()[field];
    this.saving.set(true);
    this.api.editEnterprise(this.externalUserid(), edit).subscribe({
      next: (updated) => {
        this.detail.set(updated);
        this.editingEnterprise.set(false);
        this.saving.set(false);
        this.message.success('保存成功');
        this.changed.emit();
      },
      error: () => this.saving.set(false),
    });
  }

  /** R-3.1.2-05: a chip's × removes the tag, "+ 标签" adds; both go to WeCom like 批量打标签. */
  protected changeTags(addTagIds: string[], removeTagIds: string[]): void {
    if (addTagIds.length + removeTagIds.length === 0) return;
    this.api.tag({ externalUserids: [this.externalUserid()], addTagIds, removeTagIds }).subscribe(() => {
      this.addingTags.set(false);
      this.load(this.externalUserid());
      this.changed.emit();
    });
  }

  private load(externalUserid: string): void {
    this.api.detail(externalUserid).subscribe((detail) => this.detail.set(detail));
  }
}

function emptyEnterprise(): Required<CustomerEnterpriseEdit> {
  return {
    shortName: '',
    fullName: '',
    phone: '',
    website: '',
    address: '',
    industry: '',
    scale: '',
    region: '',
    level: '',
  };
}
