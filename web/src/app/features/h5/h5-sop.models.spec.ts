import { describe, expect, it } from 'vitest';

import { copyTextOf, minuteOf, targetKindLabel } from './h5-sop.models';

describe('the H5 待办', () => {
  it('shows 发送时间 to the minute (R-8.3-03)', () => {
    const due = new Date(2026, 11, 5, 9, 30, 45);
    expect(minuteOf(due.toISOString())).toBe('2026-12-05 09:30');
  });

  it('labels 属性 微信 / 企业微信, nothing for a group (R-8.3-04)', () => {
    expect(targetKindLabel(1)).toBe('微信');
    expect(targetKindLabel(2)).toBe('企业微信');
    expect(targetKindLabel(null)).toBeNull();
  });

  it("copies a text, or a link's title and address", () => {
    expect(copyTextOf({ kind: 'text', text: '你好' })).toBe('你好');
    expect(copyTextOf({ kind: 'link', title: '官网', url: 'https://example.com' })).toBe(
      '官网\nhttps://example.com',
    );
  });
});
