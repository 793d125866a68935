import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, FormsModule, Validators } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { PAGE_SIZE_OPTIONS, ServerTable } from '../../../shared/server-table/server-table';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { OrgApi } from '../../system/org/org-api';
import { CustomerRow } from '../customers/customer.models';
import { CustomersApi } from '../customers/customers-api';
import { EMPTY_FILTER } from '../customers/customer-texts';
import { HandoverResultDialog } from './handover-result-dialog';
import { HandoversApi } from './handovers-api';
import type { OnjobPreview } from '@contracts/handover.contract';
import { onjobHandoverRequest, SUCCESS_MSG_MAX, SUCCESS_MSG_TOO_LONG } from './handovers.models';

/**
 * 客户管理 → 在职继承 (issue 19 item 2): choose a current member, pick among their customers (the 客户 list
 * filtered by 跟进人, server-side pages), the successor and an optional 转接提示语, 确定, then the result.
 * 确定 first asks the api which customers WeCom would not transfer (transferred twice in 90 days, still
 * waiting, already the successor's, no longer the member's): those are shown with why, and only the others go.
 */
@Component({
  selector: 'app-onjob-transfers-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    IfPermittedDirective,
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
  private readonly orgApi = inject(OrgApi);
  private readonly message = inject(NzMessageService);

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  /** The chosen member's customers; nothing is asked for until a member is chosen. */
  protected readonly list = new ServerTable<CustomerRow, { owner: string | null }>({
    filters: { owner: null },
    fetch: ({ filters, page, pageSize }) =>
      filters.owner
        ? this.customersApi.list({ ...EMPTY_FILTER, ownerUserids: [filters.owner], page, pageSize })
        : of({ items: [], total: 0, page, pageSize }),
  });
  protected readonly staff = signal<Array<{ userid: string; name: string }>>([]);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly allOnPageChosen = computed(() => {
    const items = this.list.items();
    return items.length > 0 && items.every((row) => this.selected().has(row.externalUserid));
  });
  protected readonly someOnPageChosen = computed(
    () => !this.allOnPageChosen() && this.list.items().some((row) => this.selected().has(row.externalUserid)),
  );
  protected readonly saving = signal(false);
  protected readonly formatDateTime = formatDateTime;
  protected readonly successMsgTooLong = SUCCESS_MSG_TOO_LONG;

  protected readonly form = new FormGroup({
    takeoverUserid: new FormControl<string | null>(null, Validators.required),
    successMsg: new FormControl('', { nonNullable: true, validators: Validators.maxLength(SUCCESS_MSG_MAX) }),
  });
  protected handoverUserid: string | null = null;
  /** Names of the customers chosen so far (a choice survives paging), for the result view. */
  private readonly chosenNames = new Map<string, string>();

  /** The check before 确定 when some customers are not eligible: the dialog lists them. */
  protected readonly preview = signal<OnjobPreview | null>(null);

  protected readonly resultOpen = signal(false);
  protected readonly resultIds = signal<readonly string[]>([]);
  protected readonly resultNames = signal<Readonly<Record<string, string>>>({});

  ngOnInit(): void {
    this.searchStaff('');
    this.list.reload();
  }

  protected searchStaff(keyword: string): void {
    this.orgApi
      .staff({ keyword, page: 1, pageSize: 100, departmentId: null, roleId: null })
      .subscribe((page) => this.staff.set(page.items));
  }

  /** A new 原跟进成员: their customers from page 1, nothing chosen. */
  protected chooseMember(userid: string | null): void {
    this.handoverUserid = userid;
    this.selected.set(new Set());
    this.chosenNames.clear();
    this.list.search({ owner: userid });
  }

  protected select(row: CustomerRow, chosen: boolean): void {
    if (chosen) this.chosenNames.set(row.externalUserid, row.name);
    else this.chosenNames.delete(row.externalUserid);
    this.selected.set(new Set(this.chosenNames.keys()));
  }

  protected selectPage(chosen: boolean): void {
    for (const row of this.list.items()) this.select(row, chosen);
  }

  protected submit(): void {
    const handoverUserid = this.handoverUserid;
    if (!handoverUserid) {
      this.message.warning('请选择原跟进成员');
      return;
    }
    if (this.selected().size === 0) {
      this.message.warning('请选择要分配的客户');
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
      .previewOnjob({ handoverUserid, takeoverUserid, externalUserids: [...this.selected()] })
      .subscribe({
        next: (preview) => {
          if (preview.ineligible.length === 0) this.start(preview.eligible);
          else {
            this.saving.set(false);
            this.preview.set(preview);
          }
        },
        error: () => this.saving.set(false),
      });
  }

  /** The dialog's 分配: the eligible customers only. */
  protected startEligible(): void {
    const preview = this.preview();
    this.preview.set(null);
    if (preview && preview.eligible.length > 0) {
      this.saving.set(true);
      this.start(preview.eligible);
    }
  }

  private start(externalUserids: readonly string[]): void {
    const { takeoverUserid, successMsg } = this.form.getRawValue();
    const handoverUserid = this.handoverUserid;
    if (!takeoverUserid || !handoverUserid) return;
    const names: Record<string, string> = Object.fromEntries(this.chosenNames);
    for (const member of this.staff()) names[member.userid] = member.name;
    this.api
      .create(onjobHandoverRequest({ handoverUserid, takeoverUserid, externalUserids, successMsg }))
      .subscribe({
        next: (handover) => {
          this.saving.set(false);
          this.resultNames.set(names);
          this.resultIds.set([handover.id]);
          this.resultOpen.set(true);
          this.selected.set(new Set());
          this.chosenNames.clear();
          this.list.reload();
        },
        error: () => this.saving.set(false),
      });
  }

  /** A customer's name as chosen, for the dialog (the api names only the ones it stores). */
  protected nameOf(customer: { externalUserid: string; customerName: string }): string {
    return this.chosenNames.get(customer.externalUserid) || customer.customerName || customer.externalUserid;
  }
}
