import { describe, expect, it } from 'vitest';

import { BEHAVIOR_OPTIONS, settingsError } from './sensitive-behavior-settings.models';

describe('敏感行为设置 form rules', () => {
  const base = {
    behaviors: [],
    auditedParties: [],
    auditedUserids: [],
    notifyGroupOwner: false,
    notifyTrigger: false,
    notifyUserids: [],
    notifyByApp: true,
  };

  it('asks for at least one audited party (I-111)', () => {
    expect(settingsError(base)).toBe('请至少选择一个被审计范围');
    expect(settingsError({ ...base, auditedParties: ['staff'] })).toBeNull();
  });

  it('offers the four behaviours of the manual in its order', () => {
    expect(BEHAVIOR_OPTIONS.map((o) => o.label)).toEqual(['发红包', '发名片', '敏感消息', '删除好友']);
  });
});
