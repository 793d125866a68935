import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { ContactRecordTimeline } from './contact-record-timeline';
import { ContactRecord, ContactRecordPage } from './contact-records.models';

const REMINDER: ContactRecord = {
  id: '6750f0c2a1b2c3d4e5f60718',
  externalUserid: 'wm-1',
  kind: 'reminder',
  text: '周五回访张三',
  attachments: [],
  mentions: [
    { userid: 'wang', name: '王强' },
    { userid: 'zhao', name: '赵敏' },
  ],
  remindAt: null,
  creator: { userid: 'lina', name: '李娜' },
  undelivered: [{ userid: 'zhao', name: '赵敏', reason: 'invaliduser' }],
  createdAt: '2026-11-25T02:00:00.000Z',
  mine: true,
};

describe('ContactRecordTimeline (联系记录, R-3.1.3)', () => {
  async function showing(records: ContactRecord[]) {
    TestBed.configureTestingModule({
      imports: [ContactRecordTimeline],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
      ],
    });
    const fixture = TestBed.createComponent(ContactRecordTimeline);
    fixture.componentRef.setInput('externalUserid', 'wm-1');
    await fixture.whenStable();
    const page: ContactRecordPage = { items: records, total: records.length, page: 1, pageSize: 20 };
    TestBed.inject(HttpTestingController)
      .expectOne((request) => request.url === '/api/customers/wm-1/contact-records')
      .flush(page);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('names the colleagues a reminder did not reach as 未送达', async () => {
    const element = await showing([REMINDER]);
    const undelivered = element.querySelector('[data-testid="record-item-undelivered"]');
    expect(undelivered?.textContent?.trim()).toBe('未送达：赵敏');
  });

  it('says nothing of delivery when WeCom delivered to everyone', async () => {
    const element = await showing([{ ...REMINDER, undelivered: [] }]);
    expect(element.textContent).toContain('周五回访张三');
    expect(element.textContent).not.toContain('未送达');
  });
});
