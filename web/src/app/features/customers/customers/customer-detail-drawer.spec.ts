import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { provideAppIcons } from '../../../core/startup/app-icons';
import { ContactRecord } from '../contact-records/contact-records.models';
import { CustomerDetail } from './customer.models';
import { CustomerDetailDrawer } from './customer-detail-drawer';

const detail: CustomerDetail = {
  customer: {
    externalUserid: 'wm-1',
    name: '王小明',
    avatar: '',
    type: 1,
    suffix: '@微信',
    corpName: '',
    position: '',
    phone: '',
    owner: { userid: 'lina', name: '李娜' },
    adders: [{ userid: 'lina', name: '李娜' }],
    addedAt: '2026-11-20T02:00:00.000Z',
    lastContactAt: null,
    source: '',
    tags: [],
    remark: '',
    gender: 1,
    corpFullName: '',
    active: true,
  },
  editable: [],
  relations: [],
  addEvents: [],
  enterprise: null,
};

const record: ContactRecord = {
  id: 'r1',
  undelivered: [],
  externalUserid: 'wm-1',
  kind: 'record',
  text: '客户想了解年付优惠',
  attachments: [],
  mentions: [],
  remindAt: null,
  creator: { userid: 'lina', name: '李娜' },
  createdAt: '2026-11-25T02:00:00.000Z',
  mine: false,
};

describe('CustomerDetailDrawer (客户详情)', () => {
  let http: HttpTestingController;

  async function render(permissions: string[]) {
    TestBed.configureTestingModule({
      imports: [CustomerDetailDrawer],
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).loadSession().subscribe();
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u', name: '管理员', phone: '1' },
      tenant: { id: 't', name: 't', corpName: 't' },
      access: { roleName: 'r', isSuperAdmin: false, permissions, dataScope: 'all' },
    });
    const fixture = TestBed.createComponent(CustomerDetailDrawer);
    fixture.componentRef.setInput('externalUserid', 'wm-1');
    fixture.componentRef.setInput('options', { tagGroups: [], staff: [] });
    await fixture.whenStable();
    http.expectOne('/api/customers/wm-1').flush(detail);
    await fixture.whenStable();
    return fixture;
  }

  async function openTab(fixture: ComponentFixture<CustomerDetailDrawer>, title: string): Promise<void> {
    const tab = [...document.querySelectorAll<HTMLElement>('.ant-tabs-tab-btn')].find(
      (t) => t.textContent?.trim() === title,
    );
    expect(tab, `tab ${title}`).toBeDefined();
    tab!.click();
    await fixture.whenStable();
  }

  /** The timeline awaits its pages (firstValueFrom): let that promise settle, then render. */
  async function settle(fixture: ComponentFixture<CustomerDetailDrawer>): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = ''));
  });

  it('has the tabs of R-3.1.2-14 after 客户信息 and 企业信息', async () => {
    await render(['customer.customers']);
    const titles = [...document.querySelectorAll('.ant-tabs-tab-btn')].map((t) => t.textContent?.trim());
    expect(titles).toEqual(['客户信息', '企业信息', '联系记录', '企微会话记录', '转客服记录']);
  });

  it('联系记录 reads the customer’s timeline from the server, a page at a time, newest first', async () => {
    const fixture = await render(['customer.customers']);
    await openTab(fixture, '联系记录');

    const list = http.expectOne((r) => r.url === '/api/customers/wm-1/contact-records');
    expect(list.request.params.get('page')).toBe('1');
    expect(list.request.params.get('pageSize')).toBe('20');
    list.flush({ items: [record], total: 21, page: 1, pageSize: 20 });
    await settle(fixture);

    const items = [...document.querySelectorAll('[data-testid="record-item"]')];
    expect(items.map((item) => item.querySelector('[data-testid="record-item-text"]')?.textContent)).toEqual([
      '客户想了解年付优惠',
    ]);
    expect(items[0].textContent).toContain('李娜');
    // Reading needs only the customer in scope; without 写联系记录 there is no composer.
    expect(document.querySelector('[data-testid="record-composer"]')).toBeNull();

    const more = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === '加载更多',
    );
    more!.click();
    const next = http.expectOne((r) => r.url === '/api/customers/wm-1/contact-records');
    expect(next.request.params.get('page')).toBe('2');
    next.flush({ items: [{ ...record, id: 'r0', text: '第一次沟通' }], total: 21, page: 2, pageSize: 20 });
    await settle(fixture);
    expect(document.querySelectorAll('[data-testid="record-item"]')).toHaveLength(2);
  });

  it('联系记录 offers the composer to whoever may write records (R-3.1.3-06)', async () => {
    const fixture = await render(['customer.customers', 'customer.customers.contact-record']);
    await openTab(fixture, '联系记录');
    http
      .expectOne((r) => r.url === '/api/customers/wm-1/contact-records')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle(fixture);

    expect(document.querySelector('[data-testid="record-composer"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="list-empty"]')?.textContent).toContain('暂无联系记录');
  });

  it('转客服记录 is a placeholder: its columns and the shared empty state (I-53)', async () => {
    const fixture = await render(['customer.customers']);
    await openTab(fixture, '转客服记录');

    const pane = document.querySelector('.ant-tabs-tabpane-active')!;
    expect([...pane.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual([
      '转接时间',
      '转接员工',
      '客服',
      '状态',
    ]);
    expect(pane.querySelector('[data-testid="list-empty"]')?.textContent).toContain('暂无转客服记录');
  });
});
