import { describe, expect, it } from 'vitest';

import { lastThirtyDays, membersLabel, syncLabel, welcomeOutcome } from './staff-code-texts';

const member = (name: string) => ({ userid: name, name, left: false });

describe('staff code texts', () => {
  it('shows up to three members, then "..."', () => {
    expect(membersLabel({ members: [member('甲'), member('乙')] })).toBe('甲、乙');
    expect(membersLabel({ members: ['甲', '乙', '丙', '丁'].map(member) })).toBe('甲、乙、丙...');
    expect(membersLabel({ members: [] })).toBe('-');
  });

  it('says when WeCom refused the code, with its errcode', () => {
    expect(syncLabel({ sync: { status: 'synced' } })).toBeNull();
    expect(syncLabel({ sync: { status: 'failed', errcode: 41054, errmsg: 'user not activated' } })).toBe(
      '企业微信拒绝：user not activated（41054）',
    );
  });

  it('names the welcome outcome', () => {
    expect(welcomeOutcome({ welcome: { status: 'sent' } })).toBe('已发送');
    expect(welcomeOutcome({ welcome: { status: 'failed', errcode: 41050 } })).toBe('发送失败（41050）');
  });

  it('spans the last 30 days', () => {
    expect(lastThirtyDays(new Date(2026, 10, 25))).toEqual(['2026-10-27', '2026-11-25']);
  });
});
