import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { HandoverResultDialog } from './handover-result-dialog';

const handover = (status: string, errcode: number | null) => ({
  id: 'h1',
  kind: 'resigned',
  handoverUserid: 'a',
  handoverName: '甲',
  takeoverUserid: 'b',
  takeoverName: '乙',
  successMsg: null,
  finished: status !== 'waiting',
  // Not stored by the customer list yet: the page's name is shown.
  customers: [{ externalUserid: 'wm1', customerName: '', status, errcode, takeoverAt: null }],
  groups: [],
  createdAt: '2026-12-01T00:00:00.000Z',
});

describe('HandoverResultDialog (分配结果)', () => {
  it('shows each customer’s status in Chinese and reads them again after 刷新', async () => {
    TestBed.configureTestingModule({
      imports: [HandoverResultDialog],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
      ],
    });
    const fixture = TestBed.createComponent(HandoverResultDialog);
    fixture.componentRef.setInput('handoverIds', ['h1']);
    fixture.componentRef.setInput('names', { wm1: '客户一' });
    fixture.componentRef.setInput('open', true);
    await fixture.whenStable();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/handovers/h1').flush(handover('waiting', null));
    await fixture.whenStable();
    const status = () => document.body.querySelector('[data-testid="handover-status"]')?.textContent?.trim();
    expect(status()).toBe('等待接替');
    const result = () => document.body.querySelector('[data-testid="handover-result"]')?.textContent ?? '';
    expect(result()).toContain('客户一');
    expect(result()).toContain('甲 → 乙');

    (fixture.componentInstance as unknown as { refresh(): void }).refresh();
    http.expectOne({ method: 'POST', url: '/api/handovers/h1/refresh' }).flush({ refreshing: true });
    http.expectOne('/api/handovers/h1').flush(handover('rejected', 40129));
    await fixture.whenStable();
    expect(status()).toBe('失败（企业微信错误码 40129）');

    (fixture.componentInstance as unknown as { refresh(): void }).refresh();
    http.expectOne({ method: 'POST', url: '/api/handovers/h1/refresh' }).flush({ refreshing: false });
    http.expectOne('/api/handovers/h1').flush({
      ...handover('done', null),
      groups: [
        { chatId: 'g1', groupName: '销售一群', status: 'done', errcode: null },
        { chatId: 'g2', groupName: '', status: 'rejected', errcode: 90500 },
      ],
    });
    await fixture.whenStable();
    const groupStatuses = [...document.body.querySelectorAll('[data-testid="handover-group-status"]')].map(
      (tag) => tag.textContent?.trim(),
    );
    expect(groupStatuses).toEqual(['已接替', '失败（企业微信错误码 90500）']);
    // The api's names: a group it has no name of shows its id.
    const groupNames = [
      ...document.body.querySelectorAll('[data-testid="handover-group"] td:first-child'),
    ].map((cell) => cell.textContent?.trim());
    expect(groupNames).toEqual(['销售一群', 'g2']);
    http.verify();
  });
});
