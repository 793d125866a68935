import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { NzTableModule } from 'ng-zorro-antd/table';

import { PageSelection } from './page-selection';

interface Row {
  id: string;
  name: string;
}

const row = (id: string): Row => ({ id, name: `客户${id}` });
const PAGE_1 = [row('1'), row('2')];
const PAGE_2 = [row('3'), row('4')];

describe('page selection (rows ticked across server-side pages)', () => {
  it('keeps a row chosen by key and answers for any copy of it', () => {
    const selection = new PageSelection<Row>((r) => r.id);
    selection.choose(PAGE_1[0], true);
    expect(selection.isChosen({ id: '1', name: '改名' })).toBe(true);
    expect(selection.isChosen(PAGE_1[1])).toBe(false);
    expect(selection.get('1')).toEqual(PAGE_1[0]);
    selection.choose(PAGE_1[0], false);
    expect(selection.count()).toBe(0);
    expect(selection.get('1')).toBeUndefined();
  });

  it('chooses a page with the header, keeps the other pages, and tells checked from indeterminate', () => {
    const selection = new PageSelection<Row>((r) => r.id);
    selection.choose(PAGE_1[1], true);
    expect(selection.allOnPage(PAGE_1)).toBe(false);
    expect(selection.someOnPage(PAGE_1)).toBe(true);
    expect(selection.someOnPage(PAGE_2)).toBe(false);

    selection.choosePage(PAGE_2, true);
    expect(selection.allOnPage(PAGE_2)).toBe(true);
    expect(selection.someOnPage(PAGE_2)).toBe(false);
    expect(selection.keys()).toEqual(['2', '3', '4']);
    expect(selection.rows().map((r) => r.name)).toEqual(['客户2', '客户3', '客户4']);

    selection.choosePage(PAGE_2, false);
    expect(selection.keys()).toEqual(['2']);
    expect(selection.count()).toBe(1);
  });

  it('never calls an empty page all chosen', () => {
    const selection = new PageSelection<Row>((r) => r.id);
    selection.choose(PAGE_1[0], true);
    expect(selection.allOnPage([])).toBe(false);
    expect(selection.someOnPage([])).toBe(false);
  });

  it('clears every choice at once', () => {
    const selection = new PageSelection<Row>((r) => r.id);
    selection.choosePage([...PAGE_1, ...PAGE_2], true);
    selection.clear();
    expect(selection.count()).toBe(0);
    expect(selection.keys()).toEqual([]);
    expect(selection.rows()).toEqual([]);
  });
});

/** A list page as the pages bind it: row and header checkboxes of an nz-table, the count beside. */
@Component({
  imports: [NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table [nzData]="page()" [nzFrontPagination]="false">
      <thead>
        <tr>
          <th
            class="header"
            [nzChecked]="selection.allOnPage(page())"
            [nzIndeterminate]="selection.someOnPage(page())"
            (nzCheckedChange)="selection.choosePage(page(), $event)"
          ></th>
        </tr>
      </thead>
      <tbody>
        @for (row of page(); track row.id) {
          <tr>
            <td
              class="pick"
              [nzChecked]="selection.isChosen(row)"
              (nzCheckedChange)="selection.choose(row, $event)"
            ></td>
          </tr>
        }
      </tbody>
    </nz-table>
    <span class="count">已选 {{ selection.count() }} 位</span>
  `,
})
class ListPage {
  readonly page = signal(PAGE_1);
  readonly selection = new PageSelection<Row>((r) => r.id);
}

describe('page selection in a list page', () => {
  async function openPage() {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNzI18n(zh_CN)] });
    const fixture = TestBed.createComponent(ListPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const header = () => element.querySelector<HTMLElement>('.header .ant-checkbox')!;
    const picks = () => [...element.querySelectorAll<HTMLInputElement>('.pick input')];
    return { fixture, element, header, picks };
  }

  it('ticks rows and the header, and keeps the choice when the page changes', async () => {
    const { fixture, element, header, picks } = await openPage();
    picks()[0].click();
    await fixture.whenStable();
    expect(element.querySelector('.count')?.textContent).toBe('已选 1 位');
    expect(header().classList).toContain('ant-checkbox-indeterminate');

    header().querySelector('input')!.click();
    await fixture.whenStable();
    expect(picks().every((input) => input.checked)).toBe(true);
    expect(header().classList).toContain('ant-checkbox-checked');

    fixture.componentInstance.page.set(PAGE_2);
    await fixture.whenStable();
    expect(picks().some((input) => input.checked)).toBe(false);
    expect(header().classList).not.toContain('ant-checkbox-checked');
    picks()[1].click();
    await fixture.whenStable();
    expect(element.querySelector('.count')?.textContent).toBe('已选 3 位');

    fixture.componentInstance.page.set(PAGE_1);
    await fixture.whenStable();
    expect(picks().every((input) => input.checked)).toBe(true);
    header().querySelector('input')!.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.selection.keys()).toEqual(['4']);
  });
});
