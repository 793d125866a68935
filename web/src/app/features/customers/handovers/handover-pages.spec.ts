import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { provideAppIcons } from '../../../core/startup/app-icons';
import { HandoverRecords } from './handover-records';
import { OnjobTransfersPage } from './onjob-transfers-page';
import { ResignedHandoversPage } from './resigned-handovers-page';

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 20 };
const HANDOVER = {
  id: 'h1',
  kind: 'onjob',
  handoverUserid: 'zhangsan',
  handoverName: '张三',
  takeoverUserid: 'lisi',
  takeoverName: '李四',
  successMsg: null,
  finished: false,
  customers: [
    { externalUserid: 'wm1', customerName: '客户一', status: 'pending', errcode: null, takeoverAt: null },
  ],
  groups: [],
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('客户继承 pages', () => {
  let http: HttpTestingController;
  /** 离职继承's request for its 原跟进成员 filter, answered by the test that cares (or with nobody). */
  let resignedMembers: TestRequest | null = null;

  async function render<T>(page: Type<T>, permissions: string[]) {
    TestBed.configureTestingModule({
      imports: [page],
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
    const fixture = TestBed.createComponent(page);
    await fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/org/staff')
      .flush({ items: [{ userid: 'lisi', name: '李四' }], total: 1, page: 1, pageSize: 100 });
    if (page === ResignedHandoversPage)
      resignedMembers = http.expectOne('/api/handovers/resigned-members?page=1&pageSize=100');
    if (page === OnjobTransfersPage)
      http.expectOne('/api/customers/options').flush({ staff: [], tagGroups: [] });
    return fixture;
  }

  afterEach(() => {
    if (resignedMembers && !resignedMembers.cancelled) resignedMembers.flush(EMPTY_PAGE);
    resignedMembers = null;
    http.verify();
  });

  it('离职继承 renders an empty list and shows 分配 only with customer.handovers.transfer', async () => {
    const fixture = await render(ResignedHandoversPage, ['customer.handovers']);
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="resigned-customers-table"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="resigned-assign-selected"]')).toBeNull();
  });

  it('离职继承 hands the chosen rows, one request per 原跟进成员, and opens the result', async () => {
    const fixture = await render(ResignedHandoversPage, [
      'customer.handovers',
      'customer.handovers.transfer',
    ]);
    const rows = [
      {
        handoverUserid: 'a',
        handoverName: '甲',
        externalUserid: 'wm1',
        customerName: '客户一',
        dimissionAt: '',
      },
      {
        handoverUserid: 'b',
        handoverName: '乙',
        externalUserid: 'wm2',
        customerName: '客户二',
        dimissionAt: '',
      },
    ];
    http
      .expectOne((req) => req.url === '/api/handovers/resigned-customers')
      .flush({ ...EMPTY_PAGE, items: rows, total: 2 });
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as {
      startAssign(scope: 'selected' | 'page'): void;
      assign(): void;
      takeoverUserid: string | null;
    };
    page.startAssign('page');
    page.takeoverUserid = 'lisi';
    page.assign();
    const posts = http.match({ method: 'POST', url: '/api/handovers' });
    expect(posts.map((post) => post.request.body)).toEqual([
      {
        kind: 'resigned',
        handoverUserid: 'a',
        takeoverUserid: 'lisi',
        externalUserids: ['wm1'],
        chatIds: [],
      },
      {
        kind: 'resigned',
        handoverUserid: 'b',
        takeoverUserid: 'lisi',
        externalUserids: ['wm2'],
        chatIds: [],
      },
    ]);
    posts[0].flush({ ...HANDOVER, id: 'h1' });
    posts[1].flush({ ...HANDOVER, id: 'h2' });
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    http.expectOne('/api/handovers/h1').flush({ ...HANDOVER, id: 'h1' });
    http.expectOne('/api/handovers/h2').flush({ ...HANDOVER, id: 'h2', customers: [] });
    await fixture.whenStable();
    expect(document.body.querySelector('[data-testid="handover-status"]')?.textContent?.trim()).toBe(
      '待发起',
    );
  });

  it('离职继承 offers the resigned members seen as 原跟进成员 and hands a choice the rows moved past', async () => {
    const fixture = await render(ResignedHandoversPage, [
      'customer.handovers',
      'customer.handovers.transfer',
    ]);
    const first = {
      handoverUserid: 'a',
      handoverName: '甲',
      externalUserid: 'wm1',
      customerName: '客户一',
      dimissionAt: '',
    };
    http
      .expectOne((req) => req.url === '/api/handovers/resigned-customers')
      .flush({ ...EMPTY_PAGE, items: [first], total: 21 });
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as {
      memberOptions(): Array<{ userid: string; name: string }>;
      chosenCustomers: { choose(row: typeof first, chosen: boolean): void };
      list: { reload(): void };
      startAssign(scope: 'selected' | 'page'): void;
      assign(): void;
      takeoverUserid: string | null;
    };
    page.chosenCustomers.choose(first, true);
    // Another page's rows (here: the same page read again, its rows changed) keep the choice.
    page.list.reload();
    const other = { ...first, handoverUserid: 'b', handoverName: '乙', externalUserid: 'wm2' };
    http
      .expectOne((req) => req.url === '/api/handovers/resigned-customers')
      .flush({ ...EMPTY_PAGE, items: [other], total: 21 });
    await fixture.whenStable();
    expect(page.memberOptions()).toEqual([
      { userid: 'a', name: '甲' },
      { userid: 'b', name: '乙' },
    ]);
    page.startAssign('selected');
    page.takeoverUserid = 'lisi';
    page.assign();
    const post = http.expectOne({ method: 'POST', url: '/api/handovers' });
    expect(post.request.body.externalUserids).toEqual(['wm1']);
    post.flush(HANDOVER);
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    http.expectOne('/api/handovers/h1').flush(HANDOVER);
    await fixture.whenStable();
  });

  it('离职继承 reads the groups whose owner resigned when their tab opens, and hands the chosen ones', async () => {
    const fixture = await render(ResignedHandoversPage, [
      'customer.handovers',
      'customer.handovers.transfer',
    ]);
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    await fixture.whenStable();
    const group = {
      handoverUserid: 'a',
      handoverName: '甲',
      chatId: 'g1',
      groupName: '客户群一',
      memberCount: 3,
    };
    const page = fixture.componentInstance as unknown as {
      openTab(index: number): void;
      chosenGroups: { choose(row: typeof group, chosen: boolean): void };
      startAssign(scope: 'selected' | 'page'): void;
      assign(): void;
      takeoverUserid: string | null;
    };
    page.openTab(1);
    http
      .expectOne((req) => req.url === '/api/handovers/resigned-groups')
      .flush({ ...EMPTY_PAGE, items: [group], total: 1 });
    await fixture.whenStable();
    page.chosenGroups.choose(group, true);
    page.startAssign('selected');
    page.takeoverUserid = 'lisi';
    page.assign();
    const post = http.expectOne({ method: 'POST', url: '/api/handovers' });
    expect(post.request.body).toEqual({
      kind: 'resigned',
      handoverUserid: 'a',
      takeoverUserid: 'lisi',
      externalUserids: [],
      chatIds: ['g1'],
    });
    post.flush({ ...HANDOVER, customers: [], groups: [{ chatId: 'g1', status: 'pending', errcode: null }] });
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    http.expectOne((req) => req.url === '/api/handovers/resigned-groups').flush(EMPTY_PAGE);
    http
      .expectOne('/api/handovers/h1')
      .flush({ ...HANDOVER, customers: [], groups: [{ chatId: 'g1', status: 'done', errcode: null }] });
    await fixture.whenStable();
    expect(document.body.querySelector('[data-testid="handover-group"]')?.textContent).toContain('客户群一');
  });

  it('分配记录 lists one kind’s handovers and opens a handover’s result', async () => {
    TestBed.configureTestingModule({
      imports: [HandoverRecords],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HandoverRecords);
    fixture.componentRef.setInput('kind', 'resigned');
    await fixture.whenStable();
    const list = http.expectOne((req) => req.url === '/api/handovers');
    expect(list.request.params.get('kind')).toBe('resigned');
    const record = {
      id: 'h1',
      kind: 'resigned',
      handoverUserid: 'zhangsan',
      handoverName: '张三',
      takeoverUserid: 'lisi',
      takeoverName: '李四',
      customerCount: 2,
      groupCount: 1,
      doneCount: 2,
      failedCount: 1,
      finished: true,
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    list.flush({ ...EMPTY_PAGE, items: [record], total: 1 });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="handover-record-row"]')?.textContent).toContain(
      '2 位客户、1 个客户群',
    );
    expect(element.querySelector('[data-testid="handover-record-progress"]')?.textContent).toContain(
      '未成功 1',
    );
    (element.querySelector('[data-testid="handover-record-view"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectOne('/api/handovers/h1').flush(HANDOVER);
    await fixture.whenStable();
    expect(document.body.querySelector('[data-testid="handover-result"]')?.textContent).toContain(
      '张三 → 李四',
    );
  });

  it('在职继承 asks for no customers until a member is chosen, then the customers they follow', async () => {
    const fixture = await render(OnjobTransfersPage, ['customer.onjob-transfers']);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="onjob-customers-table"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="onjob-submit"]')).toBeNull();
    (fixture.componentInstance as unknown as { chooseMember(userid: string): void }).chooseMember('zhangsan');
    const list = http.expectOne((req) => req.url === '/api/customers');
    expect(list.request.params.get('adderUserids')).toBe('zhangsan');
    list.flush({ ...EMPTY_PAGE, totalCapped: false });
  });

  it('在职继承 refuses a 转接提示语 over 200 字 in the form, and posts a valid one', async () => {
    const fixture = await render(OnjobTransfersPage, [
      'customer.onjob-transfers',
      'customer.onjob-transfers.transfer',
    ]);
    const page = fixture.componentInstance as unknown as {
      chooseMember(userid: string): void;
      chosenCustomers: { choose(row: { externalUserid: string; name: string }, chosen: boolean): void };
      form: {
        patchValue(value: object): void;
        controls: { successMsg: { hasError(code: string): boolean } };
      };
      submit(): void;
    };
    page.chooseMember('zhangsan');
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    page.chosenCustomers.choose({ externalUserid: 'wm1', name: '客户一' }, true);
    page.form.patchValue({ takeoverUserid: 'lisi', successMsg: '长'.repeat(201) });
    page.submit();
    expect(page.form.controls.successMsg.hasError('maxlength')).toBe(true);
    http.expectNone({ method: 'POST', url: '/api/handovers' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('转接提示语最多200字');

    page.form.patchValue({ successMsg: '您好，由李四继续为您服务' });
    page.submit();
    const check = http.expectOne({ method: 'POST', url: '/api/handovers/onjob/preview' });
    expect(check.request.body).toEqual({
      handoverUserid: 'zhangsan',
      takeoverUserid: 'lisi',
      externalUserids: ['wm1'],
      chatIds: [],
    });
    check.flush({ eligible: ['wm1'], ineligible: [], eligibleGroups: [], ineligibleGroups: [] });
    const post = http.expectOne({ method: 'POST', url: '/api/handovers' });
    expect(post.request.body).toEqual({
      kind: 'onjob',
      handoverUserid: 'zhangsan',
      takeoverUserid: 'lisi',
      externalUserids: ['wm1'],
      chatIds: [],
      successMsg: '您好，由李四继续为您服务',
    });
    post.flush(HANDOVER);
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    http.expectOne('/api/handovers/h1').flush(HANDOVER);
    await fixture.whenStable();
  });

  it('在职继承 shows who is not eligible and why before 确定, then hands over only the others', async () => {
    const fixture = await render(OnjobTransfersPage, [
      'customer.onjob-transfers',
      'customer.onjob-transfers.transfer',
    ]);
    const page = fixture.componentInstance as unknown as {
      chooseMember(userid: string): void;
      chosenCustomers: { choose(row: { externalUserid: string; name: string }, chosen: boolean): void };
      form: { patchValue(value: object): void };
      submit(): void;
      startEligible(): void;
    };
    page.chooseMember('zhangsan');
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    page.chosenCustomers.choose({ externalUserid: 'wm1', name: '客户一' }, true);
    page.chosenCustomers.choose({ externalUserid: 'wm2', name: '客户二' }, true);
    page.form.patchValue({ takeoverUserid: 'lisi' });
    page.submit();
    http.expectOne({ method: 'POST', url: '/api/handovers/onjob/preview' }).flush({
      eligible: ['wm1'],
      ineligible: [
        { externalUserid: 'wm2', customerName: '', reason: 'too_frequent', reasonText: '90天内已转接2次' },
      ],
      eligibleGroups: [],
      ineligibleGroups: [],
    });
    await fixture.whenStable();
    // Nothing starts until the dialog's 分配.
    http.expectNone({ method: 'POST', url: '/api/handovers' });
    const dialog = document.body.textContent ?? '';
    expect(dialog).toContain('以下客户或客户群暂不能继承');
    expect(dialog).toContain('客户二');
    expect(dialog).toContain('90天内已转接2次');
    expect(dialog).toContain('仅分配其余 1 位客户');

    page.startEligible();
    const post = http.expectOne({ method: 'POST', url: '/api/handovers' });
    expect(post.request.body).toEqual({
      kind: 'onjob',
      handoverUserid: 'zhangsan',
      takeoverUserid: 'lisi',
      externalUserids: ['wm1'],
      chatIds: [],
    });
    post.flush(HANDOVER);
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    http.expectOne('/api/handovers/h1').flush(HANDOVER);
    await fixture.whenStable();
  });

  it('在职继承 narrows the customers by the 客户 list’s filters, and hands the member’s groups over too', async () => {
    const fixture = await render(OnjobTransfersPage, [
      'customer.onjob-transfers',
      'customer.onjob-transfers.transfer',
    ]);
    const page = fixture.componentInstance as unknown as {
      chooseMember(userid: string): void;
      keyword: string;
      tagIds: string[];
      search(): void;
      openTab(index: number): void;
      chosenGroups: { choose(row: { chatId: string; name: string }, chosen: boolean): void };
      form: { patchValue(value: object): void };
      submit(): void;
      startEligible(): void;
    };
    page.chooseMember('zhangsan');
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    page.keyword = '王';
    page.tagIds = ['t1', 't2'];
    page.search();
    const filtered = http.expectOne((req) => req.url === '/api/customers');
    expect(filtered.request.params.get('adderUserids')).toBe('zhangsan');
    expect(filtered.request.params.get('keyword')).toBe('王');
    expect(filtered.request.params.get('tagIds')).toBe('t1,t2');
    filtered.flush({ ...EMPTY_PAGE, totalCapped: false });

    page.openTab(1);
    const groups = http.expectOne((req) => req.url === '/api/customer-groups');
    expect(groups.request.params.get('ownerUserid')).toBe('zhangsan');
    groups.flush(EMPTY_PAGE);
    page.chosenGroups.choose({ chatId: 'g1', name: '销售一群' }, true);
    page.chosenGroups.choose({ chatId: 'g2', name: '' }, true);
    page.form.patchValue({ takeoverUserid: 'lisi' });
    page.submit();
    const check = http.expectOne({ method: 'POST', url: '/api/handovers/onjob/preview' });
    expect(check.request.body).toEqual({
      handoverUserid: 'zhangsan',
      takeoverUserid: 'lisi',
      externalUserids: [],
      chatIds: ['g1', 'g2'],
    });
    check.flush({
      eligible: [],
      ineligible: [],
      eligibleGroups: ['g1'],
      ineligibleGroups: [
        { chatId: 'g2', groupName: '', reason: 'not_owner', reasonText: '不是原跟进成员的客户群' },
      ],
    });
    await fixture.whenStable();
    const dialog = document.body.textContent ?? '';
    expect(dialog).toContain('未命名群聊');
    expect(dialog).toContain('不是原跟进成员的客户群');
    expect(dialog).toContain('仅分配其余 1 个客户群');

    page.startEligible();
    const post = http.expectOne({ method: 'POST', url: '/api/handovers' });
    expect(post.request.body).toEqual({
      kind: 'onjob',
      handoverUserid: 'zhangsan',
      takeoverUserid: 'lisi',
      externalUserids: [],
      chatIds: ['g1'],
    });
    post.flush({ ...HANDOVER, customers: [] });
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/customers').flush({ ...EMPTY_PAGE, totalCapped: false });
    http.expectOne((req) => req.url === '/api/customer-groups').flush(EMPTY_PAGE);
    http.expectOne('/api/handovers/h1').flush({ ...HANDOVER, customers: [] });
    await fixture.whenStable();
  });

  it('在职继承 lists its own 分配记录', async () => {
    const fixture = await render(OnjobTransfersPage, ['customer.onjob-transfers']);
    (fixture.componentInstance as unknown as { openTab(index: number): void }).openTab(2);
    await fixture.whenStable();
    const records = http.expectOne((req) => req.url === '/api/handovers');
    expect(records.request.params.get('kind')).toBe('onjob');
    records.flush(EMPTY_PAGE);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="onjob-form"]')).toBeNull();
  });

  it('离职继承 offers the resigned members the api lists as 原跟进成员 before any row shows them', async () => {
    const fixture = await render(ResignedHandoversPage, ['customer.handovers']);
    http.expectOne((req) => req.url === '/api/handovers/resigned-customers').flush(EMPTY_PAGE);
    resignedMembers?.flush({
      ...EMPTY_PAGE,
      items: [{ userid: 'wangwu', name: '王五', dimissionAt: '2026-12-01T00:00:00.000Z', customers: 3 }],
      total: 1,
    });
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as {
      memberOptions(): Array<{ userid: string; name: string }>;
    };
    expect(page.memberOptions()).toEqual([{ userid: 'wangwu', name: '王五' }]);
  });
});
