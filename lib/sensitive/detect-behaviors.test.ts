import type { ChatMessageRecord } from '../archive/chat-message-record';
import { DEFAULT_BEHAVIOR_SETTINGS } from './behavior-settings';
import { detectAlerts, isAudited } from './detect-behaviors';
import type { TenantMatcher } from './tenant-matcher';
import { WordMatcher } from './word-matcher';

const rules: TenantMatcher = {
  version: 1,
  matcher: new WordMatcher([
    { key: 'r1', words: ['垃圾'] },
    { key: 'r2', words: ['垃圾', '滚'] },
  ]),
  rules: new Map([
    ['r1', { id: 'r1', name: '辱骂', sentiment: 'negative' }],
    ['r2', { id: 'r2', name: '粗口', sentiment: 'neutral' }],
  ]),
};

function message(overrides: Partial<ChatMessageRecord>): ChatMessageRecord {
  return {
    _id: 't:m1',
    tenantId: 't',
    msgid: 'm1',
    seq: 1,
    action: 'send',
    msgtype: 'text',
    from: 'lina',
    senderType: 'staff',
    tolist: ['wmCustomer0000000000'],
    roomid: '',
    chatKind: 'external',
    conversationId: 'single:lina|wmCustomer0000000000',
    staffUserids: ['lina'],
    externalUserids: ['wmCustomer0000000000'],
    msgtime: new Date('2026-11-25T10:00:00Z'),
    day: '2026-11-25',
    content: '',
    body: {},
    ...overrides,
  };
}

describe('detectAlerts (R-7.6-04/05/09, R-5.3.1-06)', () => {
  const all = {
    ...DEFAULT_BEHAVIOR_SETTINGS,
    behaviors: ['redpacket', 'card', 'sensitive-message', 'delete-friend'] as const,
  };
  const settings = { ...all, behaviors: [...all.behaviors] };

  it('gives one row per rule hit, keyed by msgid and rule', () => {
    const alerts = detectAlerts('t', settings, rules, [message({ content: '垃圾，滚' })]);
    expect(alerts.map((a) => [a._id, a.ruleName, a.words])).toEqual([
      ['t:m1:r1', '辱骂', ['垃圾']],
      ['t:m1:r2', '粗口', ['垃圾', '滚']],
    ]);
  });

  it('detects red packets of both kinds and cards, only when watched', () => {
    const batch = [
      message({ msgid: 'a', msgtype: 'redpacket' }),
      message({ msgid: 'b', msgtype: 'external_redpacket' }),
      message({ msgid: 'c', msgtype: 'card' }),
    ];
    expect(detectAlerts('t', settings, rules, batch).map((a) => a._id)).toEqual([
      't:a:redpacket',
      't:b:redpacket',
      't:c:card',
    ]);
    expect(detectAlerts('t', { ...settings, behaviors: ['card'] }, rules, batch)).toHaveLength(1);
    expect(
      detectAlerts('t', { ...settings, behaviors: ['card'] }, rules, [message({ content: '垃圾' })]),
    ).toEqual([]);
  });

  it('skips member-to-member chats, unchecked parties, unaudited staff and recalls', () => {
    expect(isAudited(settings, message({ chatKind: 'internal' }))).toBe(false);
    expect(isAudited({ ...settings, auditedParties: ['customer'] }, message({}))).toBe(false);
    expect(
      isAudited({ ...settings, auditedParties: ['customer'] }, message({ senderType: 'external' })),
    ).toBe(true);
    expect(isAudited({ ...settings, auditedUserids: ['zhaomin'] }, message({}))).toBe(false);
    expect(isAudited({ ...settings, auditedUserids: ['lina'] }, message({}))).toBe(true);
    expect(detectAlerts('t', settings, rules, [message({ action: 'recall', content: '垃圾' })])).toEqual([]);
  });
});
