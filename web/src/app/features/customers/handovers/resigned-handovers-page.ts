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
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { forkJoin } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { PAGE_SIZE_OPTIONS, ServerTable } from '../../../shared/server-table/server-table';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { OrgApi } from '../../system/org/org-api';
import { HandoverResultDialog } from './handover-result-dialog';
import { HandoversApi } from './handovers-api';
import {
  ResignedCustomerRow,
  ResignedFilters,
  resignedHandoverRequests,
  toResignedFilters,
} from './handovers.models';

/** A row's key: the same customer may wait under two resigned members. */
const rowKey = (row: ResignedCustomerRow) => `${row.handoverUserid}/${row.externalUserid}`;

/**
 * 客户管理 → 离职继承 (issue 19 item 1): resigned members' customers waiting for a successor, by 原跟进成员 and
 * 离职日期, server-side pages; 分配给 a member for the chosen rows or the whole page, then the result.
 */
@Component({
  selector: 'app-resigned-handovers-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    IfPermittedDirective,
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

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly list = new ServerTable<ResignedCustomerRow, ResignedFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.resignedCustomers(filters, page, pageSize),
  });
  protected readonly staff = signal<Array<{ userid: string; name: string }>>([]);
  /** The chosen rows by rowKey: a choice survives paging. */
  protected readonly selected = signal<ReadonlyMap<string, ResignedCustomerRow>>(new Map());
  /**
   * The 原跟进成员 filter's options: the resigned members the list has shown so far. The staff list leaves
   * resigned members out, and the api has no list of them of its own.
   */
  private readonly resignedMembers = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly memberOptions = computed(() =>
    [...this.resignedMembers()].map(([userid, name]) => ({ userid, name })),
  );
  protected readonly allOnPageChosen = computed(() => {
    const items = this.list.items();
    return items.length > 0 && items.every((row) => this.selected().has(rowKey(row)));
  });
  protected readonly someOnPageChosen = computed(
    () => !this.allOnPageChosen() && this.list.items().some((row) => this.selected().has(rowKey(row))),
  );
  protected readonly formatDateTime = formatDateTime;
  protected readonly rowKey = rowKey;

  // The 分配给 dialog: the rows it hands over and the successor picked.
  protected readonly assigning = signal<readonly ResignedCustomerRow[] | null>(null);
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
      const rows = this.list.items();
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
    this.selected.set(new Map());
    this.list.search(toResignedFilters({ handoverUserid: this.handoverUserid, range: this.range }));
  }

  protected reset(): void {
    this.handoverUserid = null;
    this.range = [];
    this.search();
  }

  protected select(row: ResignedCustomerRow, chosen: boolean): void {
    this.selected.update((current) => {
      const next = new Map(current);
      if (chosen) next.set(rowKey(row), row);
      else next.delete(rowKey(row));
      return next;
    });
  }

  protected selectPage(chosen: boolean): void {
    for (const row of this.list.items()) this.select(row, chosen);
  }

  /** 分配给: the chosen rows (on any page), or every row of this page. */
  protected startAssign(scope: 'selected' | 'page'): void {
    const rows = scope === 'page' ? this.list.items() : [...this.selected().values()];
    if (rows.length === 0) {
      this.message.warning(scope === 'page' ? '本页没有待分配的客户' : '请选择要分配的客户');
      return;
    }
    this.takeoverUserid = null;
    this.assigning.set(rows);
  }

  protected assign(): void {
    const rows = this.assigning();
    if (!rows) return;
    if (!this.takeoverUserid) {
      this.message.warning('请选择接替成员');
      return;
    }
    const takeover = this.takeoverUserid;
    this.saving.set(true);
    forkJoin(resignedHandoverRequests(rows, takeover).map((request) => this.api.create(request))).subscribe({
      next: (handovers) => {
        this.saving.set(false);
        this.assigning.set(null);
        this.selected.set(new Map());
        this.resultNames.set(this.namesOf(rows, takeover));
        this.resultIds.set(handovers.map((handover) => handover.id));
        this.resultOpen.set(true);
        this.list.reload();
      },
      error: () => this.saving.set(false),
    });
  }

  private namesOf(rows: readonly ResignedCustomerRow[], takeover: string): Record<string, string> {
    const names: Record<string, string> = {};
    for (const member of this.staff()) names[member.userid] = member.name;
    for (const row of rows) {
      names[row.handoverUserid] = row.handoverName;
      names[row.externalUserid] = row.customerName;
    }
    names[takeover] ??= takeover;
    return names;
  }
}
