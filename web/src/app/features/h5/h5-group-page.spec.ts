import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { GroupMessageTrend, GroupPortrait } from './h5-group.models';
import { H5GroupPage } from './h5-group-page';
import { WeComJssdk } from './wecom-jssdk';

/** The parts of GET /api/customer-groups/:chatId/portrait the sidebar reads. */
const PORTRAIT: GroupPortrait = {
  chatId: 'wrChat1',
  name: '华东客户群',
  owner: { userid: 'lina', name: '李娜' },
  notice: '',
  createdAt: '2026-11-01T02:00:00.000Z',
  memberCount: 3,
  groupTags: [{ id: 'g1', name: '高意向', color: 'blue' }],
  internalMembers: [{ userid: 'lina', name: '李娜', avatar: '' }],
  externalMembers: [
    { userid: 'wm1', name: '张三', corpName: '', tags: [], joinScene: 1, joinedAt: null, followers: [] },
    { userid: 'wm2', name: '李四', corpName: '', tags: [], joinScene: 3, joinedAt: null, followers: [] },
  ],
};

const TREND: GroupMessageTrend = { archived: true, days: [{ date: '2026-11-24', staff: 5, customers: 12 }] };

describe('H5GroupPage (客户群画像 in the group chat sidebar, R-3.2.3)', () => {
  async function open(chatFromSdk: () => Promise<string>, tab = '') {
    TestBed.configureTestingModule({
      imports: [H5GroupPage],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        { provide: WeComJssdk, useValue: { currentGroupChat: chatFromSdk } },
      ],
    });
    const fixture = TestBed.createComponent(H5GroupPage);
    fixture.componentRef.setInput('tab', tab);
    await fixture.whenStable();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  }

  /** The page awaits the answers as promises: let them settle, then render. */
  async function settled(fixture: { whenStable(): Promise<unknown>; nativeElement: unknown }) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('shows the portrait of the group chat the JS-SDK names', async () => {
    const { fixture, http } = await open(async () => 'wrChat1');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('正在加载群画像');
    http.expectOne('/api/customer-groups/wrChat1/portrait').flush(PORTRAIT);
    http.expectOne('/api/customer-groups/wrChat1/message-trend?days=7').flush(TREND);
    const text = await settled(fixture);
    expect(text).toContain('华东客户群');
    expect(text).toContain('高意向');
    expect(text).toContain('群外部人员（2）');
    expect(text).toContain('张三、李四');
    expect(text).toContain('群公告暂无');
    expect(text).toContain('2026-11-24512');
  });

  it('says why when the sidebar is not in a group chat', async () => {
    const failure = Object.assign(new Error(), {
      errMsg: 'getCurExternalChat:fail without context of external chat',
    });
    const { fixture } = await open(() => Promise.reject(failure));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      '无法获取当前客户群：getCurExternalChat:fail without context of external chat',
    );
  });

  it('shows a group as the sync writes it: no name, tags, notice, time or members', async () => {
    const { fixture, http } = await open(async () => 'wrBare');
    http.expectOne('/api/customer-groups/wrBare/portrait').flush({
      ...PORTRAIT,
      chatId: 'wrBare',
      name: '',
      owner: { userid: 'lina', name: '' },
      createdAt: null,
      memberCount: 0,
      groupTags: [],
      internalMembers: [],
      externalMembers: [{ userid: 'wmUnknown', name: '' }],
    });
    http.expectOne('/api/customer-groups/wrBare/message-trend?days=7').flush({ archived: false, days: [] });
    const text = await settled(fixture);
    expect(text).toContain('未命名群聊');
    expect(text).toContain('群主lina');
    expect(text).toContain('创建时间暂无');
    expect(text).toContain('群标签 暂无');
    expect(text).toContain('群内部人员（0）暂无');
    expect(text).toContain('群外部人员（1）wmUnknown');
  });

  it('says why instead of a blank page when the portrait fails', async () => {
    const { fixture, http } = await open(async () => 'wrChat1');
    http
      .expectOne('/api/customer-groups/wrChat1/portrait')
      .flush({ error: { code: 'INTERNAL', message: '' } }, { status: 500, statusText: 'Server Error' });
    http.expectOne('/api/customer-groups/wrChat1/message-trend?days=7').flush(TREND);
    expect(await settled(fixture)).toContain('群画像加载失败：服务器开小差了，请稍后再试');
  });

  it('says the group is not synced or not in the member’s 数据权限 when the api does not find it', async () => {
    const { fixture, http } = await open(async () => 'wrElse');
    http
      .expectOne('/api/customer-groups/wrElse/portrait')
      .flush(
        { error: { code: 'CUSTOMER_GROUP_NOT_FOUND', message: '客户群不存在' } },
        { status: 404, statusText: 'Not Found' },
      );
    http
      .expectOne('/api/customer-groups/wrElse/message-trend?days=7')
      .flush(
        { error: { code: 'CUSTOMER_GROUP_NOT_FOUND', message: '客户群不存在' } },
        { status: 404, statusText: 'Not Found' },
      );
    expect(await settled(fixture)).toContain('暂无群画像数据：该客户群尚未同步，或不在您的数据权限内');
  });

  it('still shows the portrait when only the message trend fails', async () => {
    const { fixture, http } = await open(async () => 'wrChat1');
    http.expectOne('/api/customer-groups/wrChat1/portrait').flush(PORTRAIT);
    http
      .expectOne('/api/customer-groups/wrChat1/message-trend?days=7')
      .flush(null, { status: 502, statusText: 'Bad Gateway' });
    const text = await settled(fixture);
    expect(text).toContain('华东客户群');
    expect(text).toContain('消息趋势加载失败，请稍后重试');
  });

  it('says why when our api cannot sign the JS-SDK config, in words rather than [object Object]', async () => {
    const refused = new HttpErrorResponse({
      status: 409,
      error: { error: { code: 'WECOM_APP_NOT_BOUND', message: '尚未完成企业微信应用设置，请联系管理员' } },
    });
    const { fixture } = await open(() => Promise.reject(refused));
    expect(await settled(fixture)).toContain('无法获取当前客户群：尚未完成企业微信应用设置，请联系管理员');
  });

  it('asks to open it from a group chat when the JS-SDK names no chat', async () => {
    const { fixture } = await open(async () => '');
    expect(await settled(fixture)).toContain('无法获取当前客户群：请从客户群聊天的工具栏打开');
  });

  it('opens 知识库 from ?tab=knowledge, and it works while the group has no portrait yet', async () => {
    const { fixture, http } = await open(async () => 'wrNew', 'knowledge');
    http
      .expectOne('/api/customer-groups/wrNew/portrait')
      .flush(
        { error: { code: 'CUSTOMER_GROUP_NOT_FOUND', message: '客户群不存在' } },
        { status: 404, statusText: 'Not Found' },
      );
    http.expectOne('/api/customer-groups/wrNew/message-trend?days=7').flush({ archived: false, days: [] });
    await settled(fixture);
    http
      .expectOne((req) => req.url === '/api/h5/knowledge')
      .flush({
        items: [
          {
            id: 'p1',
            kind: 'phrases',
            content: '欢迎进群',
            categoryId: 'c1',
            categoryName: '开场',
            usageCount: 0,
            updatedAt: '2026-12-01T00:00:00.000Z',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    const text = await settled(fixture);
    expect(text).toContain('欢迎进群');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="h5-kb-send"]')).not.toBeNull();
  });
});
