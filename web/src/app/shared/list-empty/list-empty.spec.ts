import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NZ_EMPTY_COMPONENT_NAME } from 'ng-zorro-antd/empty';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { NzTableModule } from 'ng-zorro-antd/table';

import { ListEmpty } from './list-empty';
import { provideListEmpty } from './provide-list-empty';

/** A list page's table as the pages write it: no empty state of its own. */
@Component({
  imports: [NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-table [nzData]="[]" [nzFrontPagination]="false">
    <thead>
      <tr>
        <th>名称</th>
      </tr>
    </thead>
    <tbody></tbody>
  </nz-table>`,
})
class EmptyListPage {}

describe('ListEmpty (the admin’s one empty state)', () => {
  function configure(extra: unknown[] = []) {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideNzI18n(zh_CN), provideListEmpty(), ...extra],
    });
  }

  it('is what a list table without rows shows: the simple image and 暂无数据', async () => {
    configure();
    const fixture = TestBed.createComponent(EmptyListPage);
    await fixture.whenStable();
    const empty = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="list-empty"]');
    expect(empty?.textContent?.trim()).toBe('暂无数据');
    expect(empty?.classList).toContain('ant-empty-normal');
    expect(empty?.querySelector('.ant-empty-img-simple')).not.toBeNull();
  });

  it('says a list’s own wording when a page places it', async () => {
    configure();
    const fixture = TestBed.createComponent(ListEmpty);
    fixture.componentRef.setInput('text', '暂无会话');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('暂无会话');
  });

  it('keeps ng-zorro’s small size inside a dropdown', async () => {
    configure([{ provide: NZ_EMPTY_COMPONENT_NAME, useValue: 'select' }]);
    const fixture = TestBed.createComponent(ListEmpty);
    await fixture.whenStable();
    const empty = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="list-empty"]');
    expect(empty?.classList).toContain('ant-empty-small');
  });
});
