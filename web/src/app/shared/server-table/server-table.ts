import { DestroyRef, effect, inject, Signal, signal, untracked, WritableSignal } from '@angular/core';
import type { NzTableQueryParams } from 'ng-zorro-antd/table';
import { Observable, Subscription } from 'rxjs';

/** One page of a list endpoint: every paged list of the api answers this (`pageOf` in lib/contracts). */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The column the table is sorted by, as ng-zorro names the order; null = the endpoint's own order. */
export interface TableSort {
  key: string;
  order: 'ascend' | 'descend';
}

/** What a page asks its endpoint for. */
export interface TableQuery<F> {
  filters: F;
  page: number;
  pageSize: number;
  sort: TableSort | null;
}

export interface ServerTableOptions<T, F> {
  /** The list request for one query; it is unsubscribed (so the HTTP call is cancelled) when a newer one starts. */
  fetch: (query: TableQuery<F>) => Observable<PageOf<T>>;
  /** The filters before the first 查询. */
  filters: F;
  /**
   * Filters applied outside the table (a page's filter bar over its tabs, given as the tab's input): each value,
   * the first one included, is a 查询, so the table loads when its tab opens and follows every later 查询.
   */
  follow?: Signal<F>;
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 20;

/** The page sizes a list offers (nz-table's `nzPageSizeOptions`). */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/**
 * The state of one server-paged `nz-table`: the applied filters, page, page size and sort, the rows and total,
 * loading and the last error. The table binds to it with `[appServerTable]` (ServerTableDirective), which sends
 * its paging and sorting to `onQueryParams`; 查询 calls `search` (back to page 1), a change to a row calls `reload`
 * (same page). Only the latest request may answer: a slower earlier one is cancelled, so it can never overwrite
 * what a newer query showed.
 * Create it in an injection context (a field of the page), so a request still running ends with the page.
 */
export class ServerTable<T, F> {
  /** The filters in force: what 查询 applied, not what the form is being typed into. */
  readonly filters: WritableSignal<F>;
  readonly page = signal(1);
  readonly pageSize: WritableSignal<number>;
  readonly sort = signal<TableSort | null>(null);
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  /** The latest request's failure (the error interceptor has already told the person); null after a success. */
  readonly error = signal<unknown>(null);

  private readonly fetch: ServerTableOptions<T, F>['fetch'];
  private inFlight: Subscription | null = null;

  constructor(options: ServerTableOptions<T, F>) {
    this.fetch = options.fetch;
    this.filters = signal(options.filters);
    this.pageSize = signal(options.pageSize ?? DEFAULT_PAGE_SIZE);
    inject(DestroyRef).onDestroy(() => this.inFlight?.unsubscribe());
    const follow = options.follow;
    if (follow)
      effect(() => {
        const filters = follow();
        untracked(() => this.search(filters));
      });
  }

  /**
   * The table's paging and sorting. A new page size or a new sort starts again at page 1; the same page, size and
   * sort again (nz-table also emits on start-up and after `[nzPageIndex]` follows an answer) asks for nothing.
   */
  onQueryParams(params: NzTableQueryParams): void {
    const sort = sortOf(params);
    const sortChanged = sort?.key !== this.sort()?.key || sort?.order !== this.sort()?.order;
    const sizeChanged = params.pageSize !== this.pageSize();
    if (!sortChanged && !sizeChanged && params.pageIndex === this.page()) return;
    this.sort.set(sort);
    this.load(sortChanged || sizeChanged ? 1 : params.pageIndex, params.pageSize);
  }

  /** 查询 / 重置: these filters from page 1; without filters, the ones in force again from page 1. */
  search(filters: F = this.filters()): void {
    this.filters.set(filters);
    this.load(1, this.pageSize());
  }

  /** The same page again (the first load, or after a row was added, changed or deleted). */
  reload(): void {
    this.load(this.page(), this.pageSize());
  }

  private load(page: number, pageSize: number): void {
    this.inFlight?.unsubscribe();
    this.page.set(page);
    this.pageSize.set(pageSize);
    this.loading.set(true);
    this.inFlight = this.fetch({ filters: this.filters(), page, pageSize, sort: this.sort() }).subscribe({
      next: (result) => {
        this.items.set(result.items);
        this.total.set(result.total);
        this.page.set(result.page);
        this.pageSize.set(result.pageSize);
        this.error.set(null);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(error);
        this.loading.set(false);
      },
    });
  }
}

function sortOf(params: NzTableQueryParams): TableSort | null {
  const sorted = params.sort.find((entry) => entry.value === 'ascend' || entry.value === 'descend');
  return sorted ? { key: sorted.key, order: sorted.value as TableSort['order'] } : null;
}
