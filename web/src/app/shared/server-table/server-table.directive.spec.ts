import {
  ChangeDetectionStrategy,
  Component,
  provideZonelessChangeDetection,
  signal,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { NzTableModule } from 'ng-zorro-antd/table';
import { Subject } from 'rxjs';

import { PageOf, ServerTable, TableQuery } from './server-table';
import { ServerTableDirective, TotalContext, TotalText } from './server-table.directive';

/** A list page as the pages write it: the table's state in a ServerTable, the nz-table bound by the directive. */
@Component({
  imports: [NzTableModule, ServerTableDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table #table [appServerTable]="list" [appServerTableTotal]="totalText()">
      <thead>
        <tr>
          <th nzColumnKey="name" [nzSortFn]="true">名称</th>
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track row) {
          <tr class="row">
            <td>{{ row }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #own let-total>全部 {{ total }} 个</ng-template>
  `,
})
class ListPage {
  readonly requests: Array<{ query: TableQuery<null>; answer: Subject<PageOf<string>> }> = [];
  readonly totalText = signal<TotalText>('count');
  readonly ownTotal = viewChild.required<TemplateRef<TotalContext>>('own');
  readonly list = new ServerTable<string, null>({
    filters: null,
    fetch: (query) => {
      const answer = new Subject<PageOf<string>>();
      this.requests.push({ query, answer });
      return answer;
    },
  });

  answer(items: string[], total: number): void {
    const { query, answer } = this.requests[this.requests.length - 1];
    answer.next({ items, total, page: query.page, pageSize: query.pageSize });
    answer.complete();
  }
}

async function openPage() {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNzI18n(zh_CN)] });
  const fixture = TestBed.createComponent(ListPage);
  const page = fixture.componentInstance;
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    // nz-table sends its paging and sorting after a debounce of 0 ms, the sorting only once its head was checked.
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  page.list.reload();
  await settle();
  return { page, element, settle };
}

const rows = (element: HTMLElement) =>
  [...element.querySelectorAll('tr.row')].map((row) => row.textContent?.trim());
const text = (element: HTMLElement, selector: string) => element.querySelector(selector)?.textContent?.trim();

describe('ServerTableDirective (the list pages’ one nz-table binding)', () => {
  it('shows the page the server answered, all of it, with the total, the page links and the 条/页 changer', async () => {
    const { page, element, settle } = await openPage();
    expect(element.querySelector('.ant-spin-spinning')).not.toBeNull();
    page.answer(
      Array.from({ length: 20 }, (_, index) => `客户${index + 1}`),
      45,
    );
    await settle();
    expect(rows(element)).toHaveLength(20);
    expect(element.querySelector('.ant-spin-spinning')).toBeNull();
    expect(text(element, '.ant-pagination-total-text')).toBe('共 45 条');
    expect(element.querySelectorAll('.ant-pagination-item')).toHaveLength(3);
    expect(text(element, '.ant-pagination-item-active')).toBe('1');
    expect(element.querySelector('.ant-pagination-options nz-select')).not.toBeNull();
  });

  it('asks the server for the page a person clicks, and for page 1 again when they sort', async () => {
    const { page, element, settle } = await openPage();
    page.answer(['a', 'b'], 45);
    await settle();

    element.querySelector<HTMLElement>('li.ant-pagination-item[title="3"]')!.click();
    await settle();
    expect(page.requests).toHaveLength(2);
    expect(page.requests[1].query).toMatchObject({ page: 3, pageSize: 20, sort: null });
    page.answer(['c'], 45);
    await settle();
    expect(rows(element)).toEqual(['c']);
    expect(text(element, '.ant-pagination-item-active')).toBe('3');

    element.querySelector<HTMLElement>('th.ant-table-column-has-sorters')!.click();
    await settle();
    expect(page.requests).toHaveLength(3);
    expect(page.requests[2].query).toMatchObject({ page: 1, sort: { key: 'name', order: 'ascend' } });
  });

  it('tells the total in the manual’s other form, in a page’s own words, or not at all', async () => {
    const { page, element, settle } = await openPage();
    page.answer(
      Array.from({ length: 20 }, (_, index) => `${index}`),
      23,
    );
    await settle();

    page.totalText.set('range');
    await settle();
    expect(text(element, '.ant-pagination-total-text')).toBe('第 1-20 条/总共 23 条');

    page.totalText.set(page.ownTotal());
    await settle();
    expect(text(element, '.ant-pagination-total-text')).toBe('全部 23 个');

    page.totalText.set('none');
    await settle();
    expect(element.querySelector('.ant-pagination-total-text')).toBeNull();
    expect(element.querySelector('.ant-pagination-options nz-select')).toBeNull();
    expect(element.querySelectorAll('.ant-pagination-item')).toHaveLength(2);
  });
});
