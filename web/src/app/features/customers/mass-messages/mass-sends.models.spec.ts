import { describe, expect, it } from 'vitest';

import { actionsOf, outcomeLabel, textCell, tooSoon } from './mass-sends.models';

describe('群发管理 rules in the admin', () => {
  it('offers the actions each state allows (I-61)', () => {
    expect(actionsOf('draft')).toEqual({ edit: true, remove: true, cancel: false });
    expect(actionsOf('scheduled')).toEqual({ edit: true, remove: false, cancel: true });
    expect(actionsOf('sent')).toEqual({ edit: false, remove: false, cancel: true });
    expect(actionsOf('failed')).toEqual({ edit: false, remove: false, cancel: false });
  });

  it('cuts 消息内容 past 30 characters', () => {
    expect(textCell('短消息')).toBe('短消息');
    expect(textCell('一'.repeat(31))).toBe(`${'一'.repeat(30)}...`);
  });

  it('asks a scheduled time at least 5 minutes ahead (I-63)', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(tooSoon(new Date('2026-12-05T10:04:59Z'), now)).toBe(true);
    expect(tooSoon(new Date('2026-12-05T10:05:00Z'), now)).toBe(false);
  });

  it('names WeCom’s reason for a failed recipient', () => {
    expect(outcomeLabel({ status: 'sent', failReason: null })).toBe('已发送');
    expect(outcomeLabel({ status: 'failed', failReason: 'not-friend' })).toBe('发送失败（客户已不是好友）');
  });
});
