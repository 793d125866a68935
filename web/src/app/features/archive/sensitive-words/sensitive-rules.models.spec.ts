import { describe, expect, it } from 'vitest';

import { hasAsciiComma, sentimentLabel, sortOf, wordsCell } from './sensitive-rules.models';

describe('sensitive rule helpers', () => {
  it('cuts the 敏感词 cell after 15 characters (R-5.2.1-06)', () => {
    expect(wordsCell(['滚', '垃圾'])).toBe('滚，垃圾');
    expect(wordsCell(['一二三四五六七八', '九十一二三四五六七'])).toBe('一二三四五六七八，九十一二三四...');
  });

  it('warns on ASCII commas only', () => {
    expect(hasAsciiComma('滚,垃圾')).toBe(true);
    expect(hasAsciiComma('滚，垃圾')).toBe(false);
  });

  it('names 分类 and maps the 命中次数 sort', () => {
    expect(sentimentLabel('negative')).toBe('负向');
    expect(sortOf('ascend')).toBe('hitCount-asc');
    expect(sortOf('descend')).toBe('hitCount-desc');
    expect(sortOf(null)).toBe('createdAt');
  });
});
