import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { KnowledgeItem } from '@contracts/knowledge.contract';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { describe, expect, it, vi } from 'vitest';

import { type ChosenLink, CommonLinkPicker } from './common-link-picker';

const LINK: KnowledgeItem = {
  id: 'l1',
  kind: 'links',
  name: '官网',
  url: 'https://example.com/',
  title: '',
  description: '我们的官网',
  coverUrl: 'https://example.com/c.png',
  categoryId: 'uncategorized',
  categoryName: '未分类',
  usageCount: 0,
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('从常用链接选择', () => {
  it('searches 常用链接 by name on the server and hands on the chosen card, its name when it has no title', async () => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
      ],
    });
    const fixture = TestBed.createComponent(CommonLinkPicker);
    const picker = fixture.componentInstance as unknown as {
      searches: { next(keyword: string): void };
      links(): KnowledgeItem[];
      choose(link: KnowledgeItem | null): void;
    };
    const chosen: ChosenLink[] = [];
    fixture.componentInstance.chosen.subscribe((link) => chosen.push(link));

    picker.searches.next('官');
    vi.advanceTimersByTime(300);
    const request = TestBed.inject(HttpTestingController).expectOne(
      (req) => req.url === '/api/knowledge/links/items' && req.params.get('keyword') === '官',
    );
    request.flush({ items: [LINK], total: 1, page: 1, pageSize: 20 });
    expect(picker.links()).toEqual([LINK]);

    picker.choose(LINK);
    picker.choose(null);
    expect(chosen).toEqual([
      {
        title: '官网',
        url: 'https://example.com/',
        description: '我们的官网',
        coverUrl: 'https://example.com/c.png',
      },
    ]);
    vi.useRealTimers();
  });
});
