import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { AnalyticsTableBlock } from '../shared/analytics-table-block';
import { STAFF_CONTACTS } from './staff-tables';

const FILTERS = { from: '2026-11-01', to: '2026-11-07', staff: ['lina'], staffLabel: '李娜' };

describe('客户沟通 (R-6.2-02) in an AnalyticsTableBlock', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [AnalyticsTableBlock],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    const fixture = TestBed.createComponent(AnalyticsTableBlock);
    fixture.componentRef.setInput('spec', STAFF_CONTACTS);
    fixture.componentRef.setInput('filters', FILTERS);
    await fixture.whenStable();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  }

  it('asks for the applied filters, prints ratios and durations, "-" without chats', async () => {
    const { fixture, http } = await render();
    const request = http.expectOne((r) => r.url === '/api/analytics/staff/contacts');
    expect(request.request.params.toString()).toBe(
      'from=2026-11-01&to=2026-11-07&staff=lina&page=1&pageSize=20',
    );
    request.flush({
      items: [
        {
          userid: 'lina',
          name: '李娜',
          newApply: 1,
          newContact: 2,
          chatCnt: 3,
          messageCnt: 4,
          reply: { numerator: 1, denominator: 3 },
          firstReply: { totalSeconds: 90, count: 1 },
          deletedByCustomer: 0,
        },
        {
          userid: 'wq',
          name: '王强',
          newApply: 0,
          newContact: 0,
          chatCnt: 0,
          messageCnt: 0,
          reply: { numerator: 0, denominator: 0 },
          firstReply: { totalSeconds: 0, count: 0 },
          deletedByCustomer: 0,
        },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    await fixture.whenStable();
    const rows = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="staff-contacts-row"]'),
    ];
    const cells = (row: Element) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(cells(rows[0])).toEqual(['李娜', '1', '2', '3', '4', '33.33%', '00:01:30', '0']);
    expect(cells(rows[1]).slice(5, 7)).toEqual(['-', '-']);
  });

  it('sorts on the server and exports in the same order', async () => {
    const { fixture, http } = await render();
    http
      .expectOne((r) => r.url === '/api/analytics/staff/contacts')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    const header = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      '[data-testid="sort-replyRatio"]',
    )!;
    header.click();
    // nz-table hands the new sort on after a tick, once its head was checked.
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fixture.whenStable();
    const sorted = http.expectOne((r) => r.url === '/api/analytics/staff/contacts');
    expect(sorted.request.params.get('sortBy')).toBe('replyRatio');
    expect(sorted.request.params.get('order')).toBe('asc');
    sorted.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    const exportLink = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>(
      '[data-testid="staff-contacts-export"]',
    )!;
    expect(exportLink.getAttribute('href')).toBe(
      '/api/analytics/staff/contacts/export?from=2026-11-01&to=2026-11-07&staff=lina&sortBy=replyRatio&order=asc',
    );
  });
});
