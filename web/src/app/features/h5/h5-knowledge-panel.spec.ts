import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { vi } from 'vitest';

import { chatMessageOf, copyTextOf, KnowledgeItem } from './h5-knowledge.models';
import { H5KnowledgePanel } from './h5-knowledge-panel';
import { ChatMessage, WeComJssdk } from './wecom-jssdk';

const COMMON = {
  categoryId: 'c1',
  categoryName: '售前',
  usageCount: 0,
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const SCRIPT: KnowledgeItem = {
  ...COMMON,
  id: 's1',
  kind: 'scripts',
  question: '怎么退货',
  similar: ['如何退款'],
  answer: '七天无理由退货',
};
const LINK: KnowledgeItem = {
  ...COMMON,
  id: 'l1',
  kind: 'links',
  name: '官网',
  url: 'https://example.com/',
  title: '',
  description: '我们的官网',
  coverUrl: '',
};

describe('the side panel’s 知识库', () => {
  it('sends a 话术’s answer and a 常用语’s text as text, a link as a card without an empty cover', () => {
    expect(chatMessageOf(SCRIPT)).toEqual({ msgtype: 'text', text: { content: '七天无理由退货' } });
    expect(chatMessageOf({ ...COMMON, id: 'p1', kind: 'phrases', content: '您好' })).toEqual({
      msgtype: 'text',
      text: { content: '您好' },
    });
    expect(chatMessageOf(LINK)).toEqual({
      msgtype: 'news',
      news: { link: 'https://example.com/', title: '官网', desc: '我们的官网' },
    });
    expect(chatMessageOf({ ...LINK, title: '标题', coverUrl: 'https://example.com/c.png' })).toEqual({
      msgtype: 'news',
      news: {
        link: 'https://example.com/',
        title: '标题',
        desc: '我们的官网',
        imgUrl: 'https://example.com/c.png',
      },
    });
    expect(copyTextOf(SCRIPT)).toBe('七天无理由退货');
    expect(copyTextOf(LINK)).toBe('https://example.com/');
  });

  async function open(send: (message: ChatMessage) => Promise<void>) {
    TestBed.configureTestingModule({
      imports: [H5KnowledgePanel],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        { provide: WeComJssdk, useValue: { sendChatMessage: send } },
      ],
    });
    const fixture = TestBed.createComponent(H5KnowledgePanel);
    const http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/h5/knowledge')
      .flush({ items: [SCRIPT], total: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it('sends through the JS-SDK, then counts the press once: a retry carries the same actionId', async () => {
    const sent: ChatMessage[] = [];
    const { fixture, http, element } = await open(async (message) => void sent.push(message));
    (element.querySelector('[data-testid="h5-kb-send"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ msgtype: 'text', text: { content: '七天无理由退货' } });

    const first = http.expectOne('/api/h5/knowledge/s1/use');
    expect(first.request.body).toEqual({ action: 'send', actionId: expect.any(String) });
    const actionId = first.request.body.actionId as string;
    first.flush(null, { status: 503, statusText: 'Service Unavailable' });
    // Asked again after a short wait, as the same press.
    const retried = await vi.waitFor(() => http.expectOne('/api/h5/knowledge/s1/use'), { timeout: 3000 });
    expect(retried.request.body).toEqual({ action: 'send', actionId });
    retried.flush({ usageCount: 1, counted: true });
    await fixture.whenStable();

    // A new press is a new action (the test browser's clipboard stands in for the webview's).
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    (element.querySelector('[data-testid="h5-kb-copy"]') as HTMLButtonElement).click();
    const copy = await vi.waitFor(() => http.expectOne('/api/h5/knowledge/s1/use'));
    expect(copy.request.body.action).toBe('copy');
    expect(copy.request.body.actionId).not.toBe(actionId);
    expect(writeText).toHaveBeenCalledWith('七天无理由退货');
  });

  it('counts nothing when WeCom refuses to send', async () => {
    const refused = Object.assign(new Error(), {
      errMsg: 'sendChatMessage:fail without context of external contact',
    });
    const { fixture, http, element } = await open(() => Promise.reject(refused));
    (element.querySelector('[data-testid="h5-kb-send"]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    http.expectNone('/api/h5/knowledge/s1/use');
  });
});
