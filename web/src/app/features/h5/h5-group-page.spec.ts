import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { GroupMessageTrend, GroupPortrait, H5GroupPage } from './h5-group-page';
import { WeComJssdk } from './wecom-jssdk';

/** The parts of GET /api/customer-groups/:chatId/portrait the sidebar reads. */
const PORTRAIT: GroupPortrait = {
  chatId: 'wrChat1',
  name: '华东客户群',
  owner: { userid: 'lina', name: '李娜' },
  notice: '',
  createdAt: '2026-11-01T02:00:00.000Z',
  memberCount: 3,
  groupTags: [{ id: 'g1', name: '高意向' }],
  internalMembers: [{ userid: 'lina', name: '李娜' }],
  externalMembers: [
    { userid: 'wm1', name: '张三' },
    { userid: 'wm2', name: '李四' },
  ],
};

const TREND: GroupMessageTrend = { archived: true, days: [{ date: '2026-11-24', staff: 5, customers: 12 }] };

describe('H5GroupPage (客户群画像 in the group chat sidebar, R-3.2.3)', () => {
  async function open(chatFromSdk: () => Promise<string>) {
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
    await fixture.whenStable();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  }

  it('shows the portrait of the group chat the JS-SDK names', async () => {
    const { fixture, http } = await open(async () => 'wrChat1');
    http.expectOne('/api/customer-groups/wrChat1/portrait').flush(PORTRAIT);
    http.expectOne('/api/customer-groups/wrChat1/message-trend?days=7').flush(TREND);
    // The page awaits the answer as a promise: let it settle, then render.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
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
});
