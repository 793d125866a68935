import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { ArchiveSearchHit } from '../messages/archive.models';
import { ArchiveHitList } from './hit-list';

const HIT: ArchiveSearchHit = {
  conversationId: 'single:wmbKtEPuDQfXRQ58MOU-AAArDPWNMBbM|xujing',
  chatKind: 'external',
  peer: { kind: 'customer', id: 'wmbKtEPuDQfXRQ58MOU-AAArDPWNMBbM', name: '张三', avatar: '' },
  msgid: 'm1',
  msgtype: 'text',
  from: 'xujing',
  msgtime: '2026-11-02T00:00:00.000Z',
  segments: [
    { text: '这份', hit: false },
    { text: '报价', hit: true },
  ],
};

describe('ArchiveHitList (内容存档 keyword hits, R-5.1.1-04)', () => {
  it('says whose chat each hit is in by name, never by the conversation key', async () => {
    TestBed.configureTestingModule({
      imports: [ArchiveHitList],
      providers: [provideZonelessChangeDetection(), provideNzI18n(zh_CN)],
    });
    const fixture = TestBed.createComponent(ArchiveHitList);
    fixture.componentRef.setInput('hits', [HIT]);
    fixture.componentRef.setInput('searchedName', '徐静');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="archive-hit-chat"]')?.textContent?.trim()).toBe(
      '徐静 与 张三',
    );
    expect(element.querySelector('mark')?.textContent).toBe('报价');
    expect(element.textContent).not.toContain('single:');
  });
});
