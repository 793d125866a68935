import { describe, expect, it } from 'vitest';

import { detailParts, highlightParts } from './sensitive-alerts.models';

describe('敏感行为 详情 (R-5.3.1-08)', () => {
  it('marks every occurrence of the hit words', () => {
    expect(detailParts({ content: '滚，垃圾滚', words: ['滚', '垃圾'] })).toEqual([
      { text: '滚', hit: true },
      { text: '，', hit: false },
      { text: '垃圾滚', hit: true },
    ]);
  });

  it('cuts after 20 characters', () => {
    const parts = detailParts({ content: '字'.repeat(25), words: [] });
    expect(parts.map((p) => p.text).join('')).toBe(`${'字'.repeat(20)}...`);
  });

  it('marks the hit words in a whole message for the 审核 dialog', () => {
    expect(highlightParts('先转账再说转账', ['转账'])).toEqual([
      { text: '先', hit: false },
      { text: '转账', hit: true },
      { text: '再说', hit: false },
      { text: '转账', hit: true },
    ]);
    expect(highlightParts('没有命中', [])).toEqual([{ text: '没有命中', hit: false }]);
  });
});
