import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NzMessageService } from 'ng-zorro-antd/message';

import { formatDateTime } from '../../../core/format/date-time';
import { SyncState } from '../../../shared/manual-sync/sync-state';
import { OrgStore } from './org-store';

describe('OrgStore', () => {
  let http: HttpTestingController;
  let store: OrgStore;
  const message = { success: vi.fn(), warning: vi.fn(), error: vi.fn(), info: vi.fn() };

  const previous: SyncState = {
    lastSync: {
      status: 'completed',
      finishedAt: '2020-11-09T00:00:00.000Z',
      count: 30,
      error: null,
      retryAt: null,
    },
    manualSyncsToday: 0,
    nextManualSyncAt: null,
  };

  /** Answers the four requests the page makes on load. */
  const answerInitialLoad = (sync: SyncState) => {
    http.expectOne('/api/org/departments').flush({ corpName: '沃丰时代', items: [] });
    http.expectOne((r) => r.url === '/api/org/staff').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http.expectOne('/api/org/seats').flush({
      used: 1,
      total: 5,
      effectiveAt: '2020-11-10T00:00:00.000Z',
      expiresAt: '2022-01-01T00:00:00.000Z',
    });
    http.expectOne({ method: 'GET', url: '/api/org/sync' }).flush(sync);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    Object.values(message).forEach((fn) => fn.mockReset());
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: NzMessageService, useValue: message },
        OrgStore,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(OrgStore);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  it('asks for the first page of 20 of the whole corp', () => {
    store.load();
    const staff = http.expectOne((r) => r.url === '/api/org/staff');
    expect(staff.request.params.toString()).toBe('page=1&pageSize=20&keyword=&departmentId=&roleId=');
    staff.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http.expectOne('/api/org/departments').flush({ corpName: '沃丰时代', items: [] });
    http.expectOne('/api/org/seats').flush({ used: 1, total: 5, effectiveAt: '', expiresAt: '' });
    http.expectOne('/api/org/sync').flush(previous);
  });

  it('开启系统 sends the switch, shows the new seats and reloads the list', () => {
    store.load();
    answerInitialLoad(previous);

    store.setSystemAccess('zhangwei', true);

    const put = http.expectOne({ method: 'PUT', url: '/api/org/staff/zhangwei/system-access' });
    expect(put.request.body).toEqual({ enabled: true });
    put.flush({
      used: 2,
      total: 5,
      effectiveAt: '2020-11-10T00:00:00.000Z',
      expiresAt: '2022-01-01T00:00:00.000Z',
    });
    http.expectOne((r) => r.url === '/api/org/staff').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(store.seats()?.used).toBe(2);
    expect(message.success).toHaveBeenCalledWith('已开启系统');
  });

  /** Answers the reload after an org edit: tree, list, editability and the latest write-backs. */
  const answerOrgReload = (failures: unknown[] = []) => {
    http.expectOne('/api/org/departments').flush({ corpName: '沃丰时代', items: [] });
    http.expectOne((r) => r.url === '/api/org/staff').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http.expectOne('/api/org/editability').flush({ editable: true, message: null });
    http.expectOne((r) => r.url === '/api/org/write-backs').flush({ items: failures });
  };

  it('after an org edit, redraws at once and again a moment later, when WeCom has answered', () => {
    store.load();
    answerInitialLoad(previous);

    store.addDepartment(2, '华南区').subscribe();
    const post = http.expectOne({ method: 'POST', url: '/api/org/departments' });
    expect(post.request.body).toEqual({ parentId: 2, name: '华南区' });
    post.flush({
      id: 9,
      name: '华南区',
      parentId: 2,
      order: 0,
      writeBack: { status: 'pending', op: 'create' },
    });
    answerOrgReload();
    expect(message.success).toHaveBeenCalledWith('保存成功，正在同步到企业微信');

    vi.advanceTimersByTime(3000);
    answerOrgReload([
      {
        id: 'c1',
        kind: 'department',
        op: 'create',
        targetId: '9',
        targetName: '华南区',
        status: 'failed',
        attempts: 0,
        errcode: 60008,
        message: '同一上级部门下已有同名部门',
        createdAt: '2026-11-25T00:00:00.000Z',
      },
    ]);
    expect(store.writeBackFailures()).toEqual(['新建部门「华南区」：同一上级部门下已有同名部门']);
  });

  it('goes back to page 1 when a department is picked', () => {
    store.load();
    answerInitialLoad(previous);
    store.staff.onQueryParams({ pageIndex: 2, pageSize: 20, sort: [], filter: [] });
    http.expectOne((r) => r.url === '/api/org/staff').flush({ items: [], total: 30, page: 2, pageSize: 20 });

    store.selectDepartment(7);

    const staff = http.expectOne((r) => r.url === '/api/org/staff');
    expect(staff.request.params.get('page')).toBe('1');
    expect(staff.request.params.get('departmentId')).toBe('7');
    staff.flush({ items: [], total: 3, page: 1, pageSize: 20 });
  });

  it('after starting a sync, polls every 2 s until the new run ends, then reloads tree, list and seats', async () => {
    store.load();
    answerInitialLoad(previous);

    store.sync.start();
    http
      .expectOne({ method: 'POST', url: '/api/org/sync' })
      .flush({ message: '已开始同步', workflowId: 'wf-1' }, { status: 202, statusText: 'Accepted' });
    expect(message.success).toHaveBeenCalledWith('已开始同步');
    expect(store.sync.syncing()).toBe(true);

    await vi.advanceTimersByTimeAsync(2000);
    http
      .expectOne({ method: 'GET', url: '/api/org/sync' })
      .flush({ ...previous, lastSync: { ...previous.lastSync!, status: 'running' } });
    expect(store.sync.lastSyncText()).toBe('正在同步…');

    await vi.advanceTimersByTimeAsync(2000);
    http.expectOne({ method: 'GET', url: '/api/org/sync' }).flush({
      ...previous,
      lastSync: {
        status: 'completed',
        finishedAt: '2020-11-10T01:02:03.000Z',
        count: 38,
        error: null,
        retryAt: null,
      },
    });

    expect(store.sync.syncing()).toBe(false);
    expect(store.sync.lastSyncText()).toBe(
      `最近更新：${formatDateTime('2020-11-10T01:02:03.000Z')}，同步 38 条信息`,
    );
    answerReload();
    await vi.advanceTimersByTimeAsync(4000);
    http.expectNone('/api/org/sync');

    function answerReload() {
      http.expectOne('/api/org/departments').flush({ corpName: '沃丰时代', items: [] });
      http.expectOne((r) => r.url === '/api/org/staff').flush({ items: [], total: 0, page: 1, pageSize: 20 });
      http.expectOne('/api/org/seats').flush({ used: 1, total: 5, effectiveAt: '', expiresAt: '' });
    }
  });

  it('shows a refused sync (429) as a warning and does not poll', async () => {
    store.load();
    answerInitialLoad(previous);

    store.sync.start();
    http
      .expectOne({ method: 'POST', url: '/api/org/sync' })
      .flush(
        { error: { code: 'SYNC_TOO_SOON', message: '距离上次同步不足 10 分钟，请稍后再试' } },
        { status: 429, statusText: 'Too Many Requests' },
      );

    expect(message.warning).toHaveBeenCalledWith('距离上次同步不足 10 分钟，请稍后再试');
    expect(store.sync.syncing()).toBe(false);
    await vi.advanceTimersByTimeAsync(4000);
    http.expectNone('/api/org/sync');
  });
});
