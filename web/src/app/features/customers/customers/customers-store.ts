import { inject, Injectable, signal } from '@angular/core';
import { tap } from 'rxjs';

import { ManualSync } from '../../../shared/manual-sync/manual-sync';
import { PageSelection } from '../../../shared/page-selection/page-selection';
import { ServerTable } from '../../../shared/server-table/server-table';
import { CustomerFilter, CustomerOptions, CustomerRow } from './customer.models';
import { CustomersApi } from './customers-api';
import { ListColumns } from '../../../shared/list-columns/list-columns';
import { EMPTY_FILTER } from './customer-texts';

/** State of the 客户 list: the query and its page, the chosen rows, the user's columns, the pickers, sync. */
@Injectable()
export class CustomersStore {
  private readonly api = inject(CustomersApi);

  /** The 高级搜索 in force and its page; `totalCapped` comes with the rows it counts. */
  readonly table = new ServerTable<CustomerRow, CustomerFilter>({
    filters: { ...EMPTY_FILTER },
    fetch: ({ filters, page, pageSize }) =>
      this.api
        .list({ ...filters, page, pageSize })
        .pipe(tap((result) => this.totalCapped.set(result.totalCapped))),
  });
  /** The total stopped counting at its cap: the page says "10000+". */
  readonly totalCapped = signal(false);
  /** Chosen rows (R-3.1.1-03), kept across pages until the filter changes. */
  readonly selection = new PageSelection<CustomerRow>((row) => row.externalUserid);

  /** The gear's columns (R-3.1.1-05). */
  readonly listColumns = new ListColumns((columns) => this.api.saveColumns(columns));

  readonly options = signal<CustomerOptions>({ tagGroups: [], staff: [] });
  /** 同步: when the customer sync ends, the list is read again. */
  readonly sync = new ManualSync(
    { state: () => this.api.syncState(), start: () => this.api.startSync() },
    () => this.reload(),
  );

  load(): void {
    this.reload();
    this.api.columns().subscribe((columns) => this.listColumns.set(columns));
    this.api.options().subscribe((options) => this.options.set(options));
    this.sync.load();
  }

  reload(): void {
    this.table.reload();
  }

  applyFilter(filter: CustomerFilter): void {
    this.selection.clear();
    this.table.search(filter);
  }
}
