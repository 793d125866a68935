import {
  Injector,
  provideZonelessChangeDetection,
  runInInjectionContext,
  Signal,
  signal,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NzTableQueryParams } from 'ng-zorro-antd/table';
import { Subject } from 'rxjs';

import { PageOf, ServerTable, TableQuery } from './server-table';

interface Filters {
  keyword: string;
}

/** A table whose requests the test answers one by one, in any order. */
function tableWithPendingRequests(follow?: Signal<Filters>) {
  const requests: Array<{ query: TableQuery<Filters>; answer: Subject<PageOf<string>> }> = [];
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const table = runInInjectionContext(
    TestBed.inject(Injector),
    () =>
      new ServerTable<string, Filters>({
        filters: { keyword: '' },
        follow,
        fetch: (query) => {
          const answer = new Subject<PageOf<string>>();
          requests.push({ query, answer });
          return answer;
        },
      }),
  );
  const answer = (index: number, items: string[], total = items.length) => {
    const { query, answer } = requests[index];
    answer.next({ items, total, page: query.page, pageSize: query.pageSize });
    answer.complete();
  };
  return { table, requests, answer };
}

const params = (
  pageIndex: number,
  pageSize: number,
  sort: NzTableQueryParams['sort'] = [],
): NzTableQueryParams => ({ pageIndex, pageSize, sort, filter: [] });

describe('ServerTable (the list pages’ server-side paging)', () => {
  it('loads a page, and asks again only when the table moves to another page or size', () => {
    const { table, requests, answer } = tableWithPendingRequests();
    table.reload();
    expect(requests[0].query).toEqual({ filters: { keyword: '' }, page: 1, pageSize: 20, sort: null });
    expect(table.loading()).toBe(true);
    answer(0, ['a', 'b'], 45);
    expect(table.items()).toEqual(['a', 'b']);
    expect(table.total()).toBe(45);
    expect(table.loading()).toBe(false);

    table.onQueryParams(params(1, 20));
    expect(requests.length).toBe(1);

    table.onQueryParams(params(3, 20));
    expect(requests[1].query).toMatchObject({ page: 3, pageSize: 20 });
    answer(1, ['x']);
    expect(table.page()).toBe(3);

    // A new page size starts again at page 1.
    table.onQueryParams(params(3, 50));
    expect(requests[2].query).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('search applies the filters from page 1; reload keeps the page and the filters', () => {
    const { table, requests, answer } = tableWithPendingRequests();
    table.reload();
    answer(0, ['a']);
    table.onQueryParams(params(2, 20));
    answer(1, ['b']);

    table.search({ keyword: '张' });
    expect(requests[2].query).toMatchObject({ filters: { keyword: '张' }, page: 1 });
    expect(table.filters()).toEqual({ keyword: '张' });
    answer(2, ['张三']);

    table.onQueryParams(params(2, 20));
    answer(3, ['张四']);
    table.reload();
    expect(requests[4].query).toMatchObject({ filters: { keyword: '张' }, page: 2, pageSize: 20 });
  });

  it('sorts by the column the table sorts, from page 1, and back to the default order', () => {
    const { table, requests, answer } = tableWithPendingRequests();
    table.reload();
    answer(0, ['a']);
    table.onQueryParams(params(2, 20));
    answer(1, ['b']);

    table.onQueryParams(params(2, 20, [{ key: 'hitCount', value: 'descend' }]));
    expect(requests[2].query).toMatchObject({ page: 1, sort: { key: 'hitCount', order: 'descend' } });
    answer(2, ['c']);
    table.onQueryParams(params(1, 20, [{ key: 'hitCount', value: 'descend' }]));
    expect(requests.length).toBe(3);

    table.onQueryParams(params(1, 20, [{ key: 'hitCount', value: null }]));
    expect(requests[3].query).toMatchObject({ page: 1, sort: null });
  });

  it('ignores an earlier answer that arrives after a newer one', () => {
    const { table, requests, answer } = tableWithPendingRequests();
    table.search({ keyword: '旧' });
    table.search({ keyword: '新' });
    expect(requests[0].answer.observed).toBe(false);

    answer(1, ['新的']);
    answer(0, ['旧的']);
    expect(table.items()).toEqual(['新的']);
    expect(table.filters()).toEqual({ keyword: '新' });
    expect(table.loading()).toBe(false);
  });

  it('keeps the rows shown when a request fails, and says it failed until the next answer', () => {
    const { table, requests, answer } = tableWithPendingRequests();
    table.reload();
    answer(0, ['a'], 1);

    table.reload();
    const failure = new Error('503');
    requests[1].answer.error(failure);
    expect(table.error()).toBe(failure);
    expect(table.loading()).toBe(false);
    expect(table.items()).toEqual(['a']);

    table.reload();
    answer(2, ['b'], 1);
    expect(table.error()).toBeNull();
  });

  it('follows filters applied outside the table: the first value loads page 1, each later one is a 查询', () => {
    const applied = signal<Filters>({ keyword: '张' });
    const { table, requests, answer } = tableWithPendingRequests(applied);
    TestBed.tick();
    expect(requests[0].query).toMatchObject({ filters: { keyword: '张' }, page: 1 });
    answer(0, ['张三']);
    table.onQueryParams(params(2, 20));
    answer(1, ['张四']);

    applied.set({ keyword: '李' });
    TestBed.tick();
    expect(requests[2].query).toMatchObject({ filters: { keyword: '李' }, page: 1 });
    expect(requests.length).toBe(3);
  });

  it('cancels the request still running when the page goes away', () => {
    const { table, requests } = tableWithPendingRequests();
    table.reload();
    TestBed.resetTestingModule();
    expect(requests[0].answer.observed).toBe(false);
  });
});
