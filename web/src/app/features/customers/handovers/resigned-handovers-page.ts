import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  OnInit,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { forkJoin } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { PageSelection } from '../../../shared/page-selection/page-selection';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { OrgApi } from '../../system/org/org-api';
import { HandoverRecords } from './handover-records';
import { HandoverResultDialog } from './handover-result-dialog';
import { HandoversApi } from './handovers-api';
import {
  describeChoice,
  ResignedCustomerRow,
  ResignedFilters,
  ResignedGroupRow,
  resignedHandoverRequests,
  toResignedFilters,
} from './handovers.models';

/** A row's key: the same customer may wait under two resigned members. */
const rowKey = (row: ResignedCustomerRow) => `${row.handoverUserid}/${row.externalUserid}`;

/** The tabs: 待分配客户, 待分配客户群, 分配记录. */
const GROUPS_TAB = 1;

/**
 * 客户管理 → 离职继承 (issue 19 item 1): resigned members' customers and the groups whose owner resigned, waiting
 * for a successor, server-side pages; 分配给 a member for the chosen customers and groups (or a whole page), then
 * the result; 分配记录 lists past handovers.
 */
@Component({
  selector: 'app-resigned-handovers-page',
  imports: [
    ServerTableDirective,
    ...SHARED_IMPORTS,
    FormsModule,
    NgTemplateOutlet,
    NzDatePickerModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    IfPermittedDirective,
    HandoverRecords,
    HandoverResultDialog,
  ],
  templateUrl: './resigned-handovers-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResignedHandoversPage implements OnInit {
  private readonly api = inject(HandoversApi);
  private readonly orgApi = inject(OrgApi);
  private readonly message = inject(NzMessageService);

  protected readonly list = new ServerTable<ResignedCustomerRow, ResignedFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.resignedCustomers(filters, page, pageSize),
  });
  /** 待分配客户群: read when its tab first opens, by the same 原跟进成员 filter. */
  protected readonly groups = new ServerTable<ResignedGroupRow, ResignedFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.resignedGroups(filters, page, pageSize),
  });
  private groupsLoaded = false;
  protected readonly tab = signal(0);
  protected readonly staff = signal<Array<{ userid: string; name: string }>>([]);
  /** The chosen customers, on any page; their rows say whose they were, for one request per member. */
  protected readonly chosenCustomers = new PageSelection<ResignedCustomerRow>(rowKey);
  protected readonly chosenGroups = new PageSelection<ResignedGroupRow>((row) => row.chatId);
  /**
   * The 原跟进成员 filter's options: the api's resigned members with customers waiting, and any the rows name
   * beside them (the staff list leaves resigned members out).
   */
  private readonly resignedMembers = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly memberOptions = computed(() =>
    [...this.resignedMembers()].map(([userid, name]) => ({ userid, name })),
  );
  protected readonly formatDateTime = formatDateTime;
  protected readonly rowKey = rowKey;
  protected readonly describeChoice = describeChoice;

  // The 分配给 dialog: the customers and groups it hands over, and the successor picked.
  protected readonly assigning = signal<{
    customers: readonly ResignedCustomerRow[];
    groups: readonly ResignedGroupRow[];
  } | null>(null);
  protected readonly saving = signal(false);
  protected takeoverUserid: string | null = null;

  // The result view.
  protected readonly resultOpen = signal(false);
  protected readonly resultIds = signal<readonly string[]>([]);
  protected readonly resultNames = signal<Readonly<Record<string, string>>>({});

  // The filter form's fields, read when 查询 is pressed.
  protected handoverUserid: string | null = null;
  protected range: Date[] = [];

  constructor() {
    effect(() => {
      const rows = [...this.list.items(), ...this.groups.items()];
      untracked(() =>
        this.resignedMembers.update((known) => {
          const next = new Map(known);
          for (const row of rows) next.set(row.handoverUserid, row.handoverName);
          return next;
        }),
      );
    });
  }

  ngOnInit(): void {
    this.searchStaff('');
    this.list.reload();
    this.loadResignedMembers();
  }

  /** The 原跟进成员 options from the api's list of resigned members with customers waiting, beside the rows seen. */
  private loadResignedMembers(): void {
    this.api.resignedMembers('').subscribe((page) =>
      this.resignedMembers.update((known) => {
        const next = new Map(known);
        for (const member of page.items) next.set(member.userid, member.name);
        return next;
      }),
    );
  }

  protected searchStaff(keyword: string): void {
    this.orgApi
      .staff({ keyword, page: 1, pageSize: 100, departmentId: null, roleId: null })
      .subscribe((page) => this.staff.set(page.items));
  }

  protected search(): void {
    this.clearChoice();
    const filters = toResignedFilters({ handoverUserid: this.handoverUserid, range: this.range });
    this.list.search(filters);
    // Groups have no 离职日期 of their own: only the member filters them.
    if (this.groupsLoaded) this.groups.search({ handoverUserid: filters.handoverUserid });
  }

  protected openTab(index: number): void {
    this.tab.set(index);
    if (index === GROUPS_TAB && !this.groupsLoaded) {
      this.groupsLoaded = true;
      this.groups.search({ handoverUserid: this.list.filters().handoverUserid });
    }
  }

  protected reset(): void {
    this.handoverUserid = null;
    this.range = [];
    this.search();
  }

  /** 分配给: the chosen customers and groups (on any page or tab), or every row of the open tab's page. */
  protected startAssign(scope: 'selected' | 'page'): void {
    const onGroups = this.tab() === GROUPS_TAB;
    const customers = scope === 'page' ? (onGroups ? [] : this.list.items()) : this.chosenCustomers.rows();
    const groups = scope === 'page' ? (onGroups ? this.groups.items() : []) : this.chosenGroups.rows();
    if (customers.length + groups.length === 0) {
      const what = onGroups ? '客户群' : '客户';
      this.message.warning(scope === 'page' ? `本页没有待分配的${what}` : '请选择要分配的客户或客户群');
      return;
    }
    this.takeoverUserid = null;
    this.assigning.set({ customers, groups });
  }

  protected assign(): void {
    const chosen = this.assigning();
    if (!chosen) return;
    if (!this.takeoverUserid) {
      this.message.warning('请选择接替成员');
      return;
    }
    const takeover = this.takeoverUserid;
    this.saving.set(true);
    const requests = resignedHandoverRequests(chosen.customers, takeover, chosen.groups);
    forkJoin(requests.map((request) => this.api.create(request))).subscribe({
      next: (handovers) => {
        this.saving.set(false);
        this.assigning.set(null);
        this.clearChoice();
        this.resultNames.set(this.namesOf(chosen.customers, chosen.groups, takeover));
        this.resultIds.set(handovers.map((handover) => handover.id));
        this.resultOpen.set(true);
        this.reloadLists();
      },
      error: () => this.saving.set(false),
    });
  }

  /**
   * Closing the result view reads the list again: right after 分配 WeCom may not have had the transfer call yet,
   * so the list read then still showed the customers just handed over.
   */
  protected resultOpenChange(open: boolean): void {
    this.resultOpen.set(open);
    if (!open) this.reloadLists();
  }

  private clearChoice(): void {
    this.chosenCustomers.clear();
    this.chosenGroups.clear();
  }

  private reloadLists(): void {
    this.list.reload();
    if (this.groupsLoaded) this.groups.reload();
  }

  private namesOf(
    rows: readonly ResignedCustomerRow[],
    groups: readonly ResignedGroupRow[],
    takeover: string,
  ): Record<string, string> {
    const names: Record<string, string> = {};
    for (const member of this.staff()) names[member.userid] = member.name;
    for (const row of rows) {
      names[row.handoverUserid] = row.handoverName;
      names[row.externalUserid] = row.customerName;
    }
    for (const group of groups) {
      names[group.handoverUserid] = group.handoverName;
      names[group.chatId] = group.groupName || group.chatId;
    }
    names[takeover] ??= takeover;
    return names;
  }
}
