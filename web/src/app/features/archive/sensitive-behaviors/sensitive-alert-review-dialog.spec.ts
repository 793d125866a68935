import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { SensitiveAlertReviewDialog } from './sensitive-alert-review-dialog';
import { SensitiveAlert, SensitiveAlertContext } from './sensitive-alerts.models';

const ALERT: SensitiveAlert = {
  id: 't1:msg1:rule1',
  triggeredAt: '2026-11-25T02:00:00.000Z',
  behavior: 'sensitive-message',
  senderName: '李娜',
  senderType: 'staff',
  chatName: '张三',
  ruleName: '辱骂',
  content: '你这个垃圾',
  words: ['垃圾'],
  status: 'pending',
  reviewNote: '',
  reviewerName: null,
  reviewedAt: null,
};

describe('SensitiveAlertReviewDialog (敏感行为审核, R-5.3.2)', () => {
  async function openWith(context: SensitiveAlertContext) {
    TestBed.configureTestingModule({
      imports: [SensitiveAlertReviewDialog],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
      ],
    });
    const fixture = TestBed.createComponent(SensitiveAlertReviewDialog);
    fixture.componentRef.setInput('alert', ALERT);
    fixture.componentRef.setInput('open', true);
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne(`/api/sensitive-alerts/${encodeURIComponent(ALERT.id)}/context`)
      .flush(context);
    await fixture.whenStable();
    // The modal renders into the overlay container, outside the component's element.
    return document.body;
  }

  const conversation = [
    {
      id: 'm1',
      senderName: '李娜',
      senderType: 'staff' as const,
      msgtype: 'text',
      msgtime: '2026-11-25T02:00:00.000Z',
      content: '你这个垃圾',
      hit: true,
    },
  ];

  it('names the members the app notice did not reach', async () => {
    const page = await openWith({
      words: ['垃圾'],
      messages: conversation,
      noticeUndelivered: [
        { userid: 'gone', name: '离职员工', reason: 'invaliduser' },
        { userid: 'qian', name: '钱多多', reason: 'unlicenseduser' },
      ],
    });
    const undelivered = page.querySelector('[data-testid="sensitive-review-undelivered"]');
    expect(undelivered?.textContent?.trim()).toBe('未送达：离职员工、钱多多');
  });

  it('shows no delivery line when the notice reached everyone', async () => {
    const page = await openWith({ words: ['垃圾'], messages: conversation, noticeUndelivered: [] });
    expect(page.querySelector('[data-testid="sensitive-review-dialog"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="sensitive-review-undelivered"]')).toBeNull();
  });
});
