import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { formatDateTime } from '../../../core/format/date-time';
import { provideAppIcons } from '../../../core/startup/app-icons';
import { SyncState } from '../../../shared/manual-sync/sync-state';
import { TagBoard } from './tag-board';
import { movedIds, TagGroup } from './tags.models';

const groups: TagGroup[] = [
  {
    id: 'et-g1',
    name: '客户等级',
    order: 2,
    createdAt: '2026-11-25T02:00:00.000Z',
    pending: false,
    writeError: null,
    tags: [
      { id: 'et-1', name: 'VIP', color: 'red', order: 2, pending: false, writeError: null },
      { id: 'pending-2', name: '普通', color: 'blue', order: 1, pending: true, writeError: null },
    ],
  },
  {
    id: 'et-g2',
    name: '来源',
    order: 1,
    createdAt: null,
    pending: false,
    writeError: '企业微信拒绝了此操作（40058 name exists）',
    tags: [],
  },
];

const lastSync: SyncState = {
  lastSync: {
    status: 'completed',
    finishedAt: '2026-11-25T02:00:00.000Z',
    count: 12,
    error: null,
    retryAt: null,
  },
  manualSyncsToday: 0,
  nextManualSyncAt: null,
};

describe('TagBoard (标签管理)', () => {
  let http: HttpTestingController;

  async function render(kind: 'corp' | 'group', permissions: string[]) {
    TestBed.configureTestingModule({
      imports: [TagBoard],
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
    const fixture = TestBed.createComponent(TagBoard);
    fixture.componentRef.setInput('kind', kind);
    await fixture.whenStable();
    http
      .expectOne(kind === 'corp' ? '/api/tags/corp-groups' : '/api/tags/group-groups')
      .flush({ items: groups });
    // Only 企业微信标签 come from WeCom: only they have a sync and its 最近更新 line.
    if (kind === 'corp') http.expectOne({ method: 'GET', url: '/api/tags/sync' }).flush(lastSync);
    await fixture.whenStable();
    return { page: fixture.nativeElement as HTMLElement, fixture };
  }

  afterEach(() => http.verify());

  it('shows each group with its chips, what is still being written to WeCom, and what WeCom refused', async () => {
    const { page } = await render('corp', ['system.tags', 'system.tags.create', 'system.tags.sync']);
    const first = page.querySelector('[data-testid="tag-group-客户等级"]')!;
    expect([...first.querySelectorAll('.chip')].map((chip) => chip.textContent?.trim())).toEqual([
      'VIP',
      '普通',
    ]);
    expect(page.querySelector('[data-testid="tag-group-来源"]')?.textContent).toContain('同步失败');
    expect(page.querySelector('[data-testid="tags-sync"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="tag-group-delete"]')).toBeNull();
  });

  it('添加标签 posts the name and colour to the group', async () => {
    const { page, fixture } = await render('group', ['system.tags', 'system.tags.create']);
    expect(page.querySelector('[data-testid="tags-sync"]')).toBeNull();
    (page.querySelector('[data-testid="tag-create"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const name = document.querySelector('[data-testid="tag-name"]') as HTMLInputElement;
    name.value = ' 新标签 ';
    name.dispatchEvent(new Event('input'));
    const ok = [...document.querySelectorAll('.ant-modal-footer button')].find((b) =>
      b.textContent?.includes('确定'),
    );
    (ok as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = http.expectOne('/api/tags/group-groups/et-g1/tags');
    expect(request.request.body).toEqual({ name: '新标签', color: 'blue' });
    request.flush(groups[0]);
    await fixture.whenStable();
    http.expectOne('/api/tags/group-groups').flush({ items: groups });
  });

  it('同步 loads until the sync ends, then shows its 最近更新 line and reads the board again (R-3.2.1-03, I-54)', async () => {
    const { page, fixture } = await render('corp', ['system.tags', 'system.tags.sync']);
    const line = () => page.querySelector('[data-testid="tags-last-sync"]')?.textContent?.trim();
    const button = () => page.querySelector('[data-testid="tags-sync"]')!;
    expect(line()).toBe(`最近更新：${formatDateTime('2026-11-25T02:00:00.000Z')}，同步 12 条信息`);

    vi.useFakeTimers();
    try {
      (button() as HTMLButtonElement).click();
      http
        .expectOne({ method: 'POST', url: '/api/tags/sync' })
        .flush({ message: '同步已开始，请稍候', workflowId: 'wf' }, { status: 202, statusText: 'Accepted' });
      fixture.detectChanges();
      expect(button().classList).toContain('ant-btn-loading');

      await vi.advanceTimersByTimeAsync(2000);
      http
        .expectOne({ method: 'GET', url: '/api/tags/sync' })
        .flush({ ...lastSync, lastSync: { ...lastSync.lastSync!, status: 'running' }, manualSyncsToday: 1 });
      fixture.detectChanges();
      expect(line()).toBe('正在同步…');
      expect(button().classList).toContain('ant-btn-loading');

      await vi.advanceTimersByTimeAsync(2000);
      http.expectOne({ method: 'GET', url: '/api/tags/sync' }).flush({
        lastSync: {
          status: 'completed',
          finishedAt: '2026-11-26T03:04:05.000Z',
          count: 15,
          error: null,
          retryAt: null,
        },
        manualSyncsToday: 1,
        nextManualSyncAt: '2026-11-26T03:14:00.000Z',
      });
      http.expectOne('/api/tags/corp-groups').flush({ items: groups });
      fixture.detectChanges();
      expect(line()).toBe(`最近更新：${formatDateTime('2026-11-26T03:04:05.000Z')}，同步 15 条信息`);
      expect(button().classList).not.toContain('ant-btn-loading');
      expect(button().getAttribute('title')).toBe(
        `今日已手动同步 1 次，下次可同步时间：${formatDateTime('2026-11-26T03:14:00.000Z')}`,
      );

      await vi.advanceTimersByTimeAsync(4000);
      http.expectNone('/api/tags/sync');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused 同步 (2 a day, 10 minutes apart) is a warning and frees the button', async () => {
    const { page, fixture } = await render('corp', ['system.tags', 'system.tags.sync']);
    (page.querySelector('[data-testid="tags-sync"]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/tags/sync' })
      .flush(
        { error: { code: 'SYNC_QUOTA', message: '每天最多手动同步 2 次，请明天再试' } },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(document.querySelector('.ant-message')?.textContent).toContain(
      '每天最多手动同步 2 次，请明天再试',
    );
    expect(page.querySelector('[data-testid="tags-sync"]')!.classList).not.toContain('ant-btn-loading');
  });

  it('a drag gives the new order of the ids', () => {
    expect(movedIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(movedIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});
