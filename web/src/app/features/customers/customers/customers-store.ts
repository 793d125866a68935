import { inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, EMPTY, Subject, switchMap } from 'rxjs';

import { ManualSync } from '../../../shared/manual-sync/manual-sync';
import { CustomerFilter, CustomerOptions, CustomerPage, CustomerQuery } from './customer.models';
import { CustomersApi } from './customers-api';
import { ListColumns } from '../../../shared/list-columns/list-columns';
import { EMPTY_FILTER } from './customer-texts';

export const DEFAULT_PAGE_SIZE = 20;
const EMPTY_PAGE: CustomerPage = {
  items: [],
  total: 0,
  totalCapped: false,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

/** State of the 客户 list: the query and its page, the chosen rows, the user's columns, the pickers, sync. */
@Injectable()
export class CustomersStore {
  private readonly api = inject(CustomersApi);

  readonly query = signal<CustomerQuery>({ ...EMPTY_FILTER, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  readonly page = signal<CustomerPage>(EMPTY_PAGE);
  readonly loading = signal(false);
  /** Chosen rows (R-3.1.1-03), kept across pages until the filter changes. */
  readonly selected = signal<ReadonlySet<string>>(new Set());

  /** The gear's columns (R-3.1.1-05). */
  readonly listColumns = new ListColumns((columns) => this.api.saveColumns(columns));

  readonly options = signal<CustomerOptions>({ tagGroups: [], staff: [] });
  /** 同步: when the customer sync ends, the list is read again. */
  readonly sync = new ManualSync(
    { state: () => this.api.syncState(), start: () => this.api.startSync() },
    () => this.reload(),
  );

  private readonly requests = new Subject<CustomerQuery>();

  constructor() {
    this.requests
      .pipe(
        switchMap((query) => {
          this.loading.set(true);
          return this.api.list(query).pipe(
            catchError(() => {
              this.loading.set(false);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.page.set(page);
        this.loading.set(false);
      });
  }

  load(): void {
    this.reload();
    this.api.columns().subscribe((columns) => this.listColumns.set(columns));
    this.api.options().subscribe((options) => this.options.set(options));
    this.sync.load();
  }

  reload(): void {
    this.requests.next(this.query());
  }

  applyFilter(filter: CustomerFilter): void {
    this.selected.set(new Set());
    this.query.set({ ...filter, page: 1, pageSize: this.query().pageSize });
    this.reload();
  }

  changePage(page: number, pageSize: number): void {
    const current = this.query();
    if (current.page === page && current.pageSize === pageSize) return;
    this.query.set({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize });
    this.reload();
  }

  select(externalUserid: string, chosen: boolean): void {
    const next = new Set(this.selected());
    if (chosen) next.add(externalUserid);
    else next.delete(externalUserid);
    this.selected.set(next);
  }

  selectPage(chosen: boolean): void {
    const next = new Set(this.selected());
    for (const row of this.page().items) {
      if (chosen) next.add(row.externalUserid);
      else next.delete(row.externalUserid);
    }
    this.selected.set(next);
  }
}
