import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, FormsModule, Validators } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { of } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { PageSelection } from '../../../shared/page-selection/page-selection';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { OrgApi } from '../../system/org/org-api';
import { CustomerOptions, CustomerRow } from '../customers/customer.models';
import { CustomersApi } from '../customers/customers-api';
import { CustomerGroupsApi } from '../groups/customer-groups-api';
import { CustomerGroupRow, UNNAMED_GROUP } from '../groups/customer-groups.models';
import { HandoverRecords } from './handover-records';
import { HandoverResultDialog } from './handover-result-dialog';
import { HandoversApi } from './handovers-api';
import type { OnjobPreview } from '@contracts/handover.contract';
import {
  describeChoice,
  EMPTY_ONJOB_FILTERS,
  OnjobCustomerFilters,
  onjobCustomerQuery,
  onjobHandoverRequest,
  SUCCESS_MSG_MAX,
  SUCCESS_MSG_TOO_LONG,
} from './handovers.models';

/** The tabs: 客户, 客户群, 分配记录. */
const GROUPS_TAB = 1;
const RECORDS_TAB = 2;

/**
 * 客户管理 → 在职继承 (issue 19 item 2): choose a current member, pick among their customers (the 客户 list's own
 * endpoint, narrowed by its keyword, 客户标签 and 添加时间) and the groups they own (the 客户群 list by 群主),
 * server-side pages, the successor and an optional 转接提示语, 确定, then the result; 分配记录 lists past ones.
 * 确定 first asks the api which customers and groups WeCom would not transfer (transferred twice in 90 days,
 * still waiting, already the successor's, no longer the member's; a group not the member's): those are shown
 * with why, and only the others go.
 */
@Component({
  selector: 'app-onjob-transfers-page',
  imports: [
    ServerTableDirective,
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    IfPermittedDirective,
    HandoverRecords,
    HandoverResultDialog,
  ],
  templateUrl: './onjob-transfers-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  styles: `
    .transfer {
      max-width: 640px;
      margin-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnjobTransfersPage implements OnInit {
  private readonly api = inject(HandoversApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly groupsApi = inject(CustomerGroupsApi);
  private readonly orgApi = inject(OrgApi);
  private readonly message = inject(NzMessageService);

  /** The chosen member's customers; nothing is asked for until a member is chosen. */
  protected readonly list = new ServerTable<CustomerRow, OnjobCustomerFilters>({
    filters: EMPTY_ONJOB_FILTERS,
    fetch: ({ filters, page, pageSize }) =>
      filters.owner
        ? this.customersApi.list(onjobCustomerQuery({ ...filters, owner: filters.owner }, page, pageSize))
        : of({ items: [], total: 0, page, pageSize }),
  });
  /** The groups the chosen member owns: read when their tab first opens. */
  protected readonly groups = new ServerTable<CustomerGroupRow, { owner: string | null }>({
    filters: { owner: null },
    fetch: ({ filters, page, pageSize }) =>
      filters.owner
        ? this.groupsApi.list({ ownerUserid: [filters.owner] }, page, pageSize)
        : of({ items: [], total: 0, page, pageSize }),
  });
  private groupsLoaded = false;
  protected readonly tab = signal(0);
  protected readonly recordsTab = RECORDS_TAB;
  protected readonly staff = signal<Array<{ userid: string; name: string }>>([]);
  /** The 客户标签 filter's choices, from the 客户 list's options. */
  protected readonly tagGroups = signal<CustomerOptions['tagGroups']>([]);
  /** The chosen customers and groups, on any page; their rows name them in the dialogs. */
  protected readonly chosenCustomers = new PageSelection<CustomerRow>((row) => row.externalUserid);
  protected readonly chosenGroups = new PageSelection<CustomerGroupRow>((row) => row.chatId);
  protected readonly saving = signal(false);
  protected readonly formatDateTime = formatDateTime;
  protected readonly describeChoice = describeChoice;
  protected readonly successMsgTooLong = SUCCESS_MSG_TOO_LONG;
  protected readonly unnamed = UNNAMED_GROUP;

  protected readonly form = new FormGroup({
    takeoverUserid: new FormControl<string | null>(null, Validators.required),
    successMsg: new FormControl('', { nonNullable: true, validators: Validators.maxLength(SUCCESS_MSG_MAX) }),
  });
  protected handoverUserid: string | null = null;
  // The customer filters' fields, read when 查询 is pressed.
  protected keyword = '';
  protected tagIds: string[] = [];
  protected addedRange: Date[] = [];

  /** The check before 确定 when some customers or groups are not eligible: the dialog lists them. */
  protected readonly preview = signal<OnjobPreview | null>(null);
  /** What the dialog's 分配 would still hand over, in words (「1 位客户、1 个客户群」). */
  protected readonly remaining = computed(() => {
    const preview = this.preview();
    return preview ? describeChoice(preview.eligible.length, preview.eligibleGroups.length) : '';
  });

  protected readonly resultOpen = signal(false);
  protected readonly resultIds = signal<readonly string[]>([]);
  protected readonly resultNames = signal<Readonly<Record<string, string>>>({});

  ngOnInit(): void {
    this.searchStaff('');
    this.list.reload();
    this.customersApi.options().subscribe((options) => this.tagGroups.set(options.tagGroups));
  }

  protected searchStaff(keyword: string): void {
    this.orgApi
      .staff({ keyword, page: 1, pageSize: 100, departmentId: null, roleId: null })
      .subscribe((page) => this.staff.set(page.items));
  }

  /** A new 原跟进成员: their customers and groups from page 1, nothing chosen. */
  protected chooseMember(userid: string | null): void {
    this.handoverUserid = userid;
    this.clearChoice();
    this.search();
    if (this.groupsLoaded) this.groups.search({ owner: userid });
  }

  /** 查询: the member's customers narrowed by the filters; a choice made under other filters is kept. */
  protected search(): void {
    this.list.search({
      owner: this.handoverUserid,
      keyword: this.keyword,
      tagIds: this.tagIds,
      addedRange: this.addedRange.length === 2 ? [this.addedRange[0], this.addedRange[1]] : null,
    });
  }

  protected resetFilters(): void {
    this.keyword = '';
    this.tagIds = [];
    this.addedRange = [];
    this.search();
  }

  protected openTab(index: number): void {
    this.tab.set(index);
    if (index === GROUPS_TAB && !this.groupsLoaded) {
      this.groupsLoaded = true;
      this.groups.search({ owner: this.handoverUserid });
    }
  }

  protected submit(): void {
    const handoverUserid = this.handoverUserid;
    if (!handoverUserid) {
      this.message.warning('请选择原跟进成员');
      return;
    }
    if (this.chosenCustomers.count() + this.chosenGroups.count() === 0) {
      this.message.warning('请选择要分配的客户或客户群');
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    const { takeoverUserid } = this.form.getRawValue();
    if (!takeoverUserid) return;
    this.saving.set(true);
    this.api
      .previewOnjob({
        handoverUserid,
        takeoverUserid,
        externalUserids: this.chosenCustomers.keys(),
        chatIds: this.chosenGroups.keys(),
      })
      .subscribe({
        next: (preview) => {
          if (preview.ineligible.length + preview.ineligibleGroups.length === 0)
            this.start(preview.eligible, preview.eligibleGroups);
          else {
            this.saving.set(false);
            this.preview.set(preview);
          }
        },
        error: () => this.saving.set(false),
      });
  }

  /** The dialog's 分配: the eligible customers and groups only. */
  protected startEligible(): void {
    const preview = this.preview();
    this.preview.set(null);
    if (preview && preview.eligible.length + preview.eligibleGroups.length > 0) {
      this.saving.set(true);
      this.start(preview.eligible, preview.eligibleGroups);
    }
  }

  private start(externalUserids: readonly string[], chatIds: readonly string[]): void {
    const { takeoverUserid, successMsg } = this.form.getRawValue();
    const handoverUserid = this.handoverUserid;
    if (!takeoverUserid || !handoverUserid) return;
    const names: Record<string, string> = {};
    for (const row of this.chosenCustomers.rows()) names[row.externalUserid] = row.name;
    for (const group of this.chosenGroups.rows()) names[group.chatId] = group.name || UNNAMED_GROUP;
    for (const member of this.staff()) names[member.userid] = member.name;
    this.api
      .create(onjobHandoverRequest({ handoverUserid, takeoverUserid, externalUserids, chatIds, successMsg }))
      .subscribe({
        next: (handover) => {
          this.saving.set(false);
          this.resultNames.set(names);
          this.resultIds.set([handover.id]);
          this.resultOpen.set(true);
          this.clearChoice();
          this.list.reload();
          if (this.groupsLoaded) this.groups.reload();
        },
        error: () => this.saving.set(false),
      });
  }

  private clearChoice(): void {
    this.chosenCustomers.clear();
    this.chosenGroups.clear();
  }

  /** A customer's name as chosen, for the dialog (the api names only the ones it stores). */
  protected nameOf(customer: { externalUserid: string; customerName: string }): string {
    const chosen = this.chosenCustomers.get(customer.externalUserid)?.name;
    return chosen || customer.customerName || customer.externalUserid;
  }

  protected groupNameOf(group: { chatId: string; groupName: string }): string {
    const chosen = this.chosenGroups.get(group.chatId);
    return chosen ? chosen.name || UNNAMED_GROUP : group.groupName || group.chatId;
  }
}
