import { describe, expect, it } from 'vitest';

import { detailParts } from './sensitive-alerts.models';

describe('敏感行为 详情 (R-5.3.1-08)', () => {
  it('marks every occurrence of the hit words', () => {
    expect(
      detailParts({ behavior: 'sensitive-message', content: '滚，垃圾滚', words: ['滚', '垃圾'] }),
    ).toEqual([
      { text: '滚', hit: true },
      { text: '，', hit: false },
      { text: '垃圾滚', hit: true },
    ]);
  });

  it('cuts after 20 characters and shows -- for 删除好友', () => {
    const parts = detailParts({ behavior: 'card', content: '字'.repeat(25), words: [] });
    expect(parts.map((p) => p.text).join('')).toBe(`${'字'.repeat(20)}...`);
    expect(detailParts({ behavior: 'delete-friend', content: '', words: [] })).toEqual([
      { text: '--', hit: false },
    ]);
  });
});
