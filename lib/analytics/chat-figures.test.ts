import {
  createGroupMessageTally,
  createSingleChatTally,
  ownerGroupFigures,
  type DayGroup,
  type DayMessage,
} from './chat-figures';

const DAY = '2026-12-04';
const at = (time: string) => new Date(`${DAY}T${time}+08:00`);
let seq = 0;

function single(member: string, customer: string, bySender: 'staff' | 'external', time: string): DayMessage {
  seq += 1;
  return {
    action: 'send',
    senderType: bySender,
    from: bySender === 'staff' ? member : customer,
    chatKind: 'external',
    roomid: '',
    conversationId: `single:${[member, customer].sort().join('|')}`,
    staffUserids: [member],
    msgtime: at(time),
    seq,
  };
}

function inGroup(roomid: string, from: string, time: string, action = 'send'): DayMessage {
  seq += 1;
  return {
    action,
    senderType: from.startsWith('wm') ? 'external' : 'staff',
    from,
    chatKind: 'group',
    roomid,
    conversationId: `room:${roomid}`,
    staffUserids: [],
    msgtime: at(time),
    seq,
  };
}

function tally(messages: DayMessage[]) {
  const chats = createSingleChatTally();
  for (const message of messages) chats.add(message);
  return Object.fromEntries(chats.figures());
}

describe('single-chat figures (R-6.1.2-02)', () => {
  it('counts a customer-started chat, its reply and the first-reply seconds, in any order of arrival', () => {
    const messages = [
      single('lina', 'wm1', 'external', '09:00:00'),
      single('lina', 'wm1', 'external', '09:01:00'),
      single('lina', 'wm1', 'staff', '09:05:30'),
      single('lina', 'wm1', 'staff', '10:00:00'),
    ];
    const expected = {
      lina: {
        chatCnt: 1,
        messageCnt: 2,
        reply: { numerator: 1, denominator: 1 },
        firstReply: { totalSeconds: 330, count: 1 },
      },
    };
    expect(tally(messages)).toEqual(expected);
    expect(tally([...messages].reverse())).toEqual(expected);
  });

  it('a chat the member started counts in 聊天总数 but not in the reply ratio', () => {
    expect(
      tally([single('lina', 'wm2', 'staff', '08:00:00'), single('lina', 'wm2', 'external', '08:01:00')]),
    ).toEqual({
      lina: {
        chatCnt: 1,
        messageCnt: 1,
        reply: { numerator: 0, denominator: 0 },
        firstReply: { totalSeconds: 0, count: 0 },
      },
    });
  });

  it('an unanswered customer chat is started but not replied, and no 聊天 of the member', () => {
    expect(tally([single('wangwei', 'wm3', 'external', '23:59:00')])).toEqual({
      wangwei: {
        chatCnt: 0,
        messageCnt: 0,
        reply: { numerator: 0, denominator: 1 },
        firstReply: { totalSeconds: 0, count: 0 },
      },
    });
  });

  it('orders messages of the same second by seq, and ignores recalls, groups and internal chats', () => {
    const customerFirst = single('lina', 'wm4', 'external', '12:00:00');
    const replySameSecond = { ...single('lina', 'wm4', 'staff', '12:00:00') };
    const recall = { ...single('lina', 'wm4', 'staff', '11:00:00'), action: 'recall' };
    const internal = { ...single('lina', 'zhang', 'staff', '11:00:00'), chatKind: 'internal' as const };
    expect(
      tally([replySameSecond, recall, internal, customerFirst, inGroup('r1', 'lina', '10:00:00')]),
    ).toEqual({
      lina: {
        chatCnt: 1,
        messageCnt: 1,
        reply: { numerator: 1, denominator: 1 },
        firstReply: { totalSeconds: 0, count: 1 },
      },
    });
  });

  it("sums a member's chats", () => {
    const figures = tally([
      single('lina', 'wm1', 'external', '09:00:00'),
      single('lina', 'wm1', 'staff', '09:01:00'),
      single('lina', 'wm2', 'external', '10:00:00'),
      single('lina', 'wm2', 'staff', '10:10:00'),
      single('lina', 'wm3', 'external', '11:00:00'),
    ]);
    expect(figures.lina).toEqual({
      chatCnt: 2,
      messageCnt: 2,
      reply: { numerator: 2, denominator: 3 },
      firstReply: { totalSeconds: 660, count: 2 },
    });
  });
});

describe('owner group figures (R-6.1.3-02)', () => {
  const dayStart = at('00:00:00');
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const before = new Date('2026-11-01T10:00:00+08:00');
  const after = new Date('2026-12-05T10:00:00+08:00');

  it('counts groups and members at the end of the day, the new ones of the day, and the day’s messages', () => {
    const groups: DayGroup[] = [
      {
        chatId: 'r1',
        ownerUserid: 'lina',
        createdAt: before,
        members: [
          { userid: 'lina', joinedAt: before },
          { userid: 'wm1', joinedAt: at('09:00:00') },
          { userid: 'wm2', joinedAt: after },
          { userid: 'wm3' },
        ],
      },
      {
        chatId: 'r2',
        ownerUserid: 'lina',
        createdAt: at('15:00:00'),
        members: [{ userid: 'lina', joinedAt: at('15:00:00') }],
      },
      // Dismissed during the day: not in the totals at the end of it.
      {
        chatId: 'r3',
        ownerUserid: 'lina',
        createdAt: before,
        dismissedAt: at('12:00:00'),
        members: [{ userid: 'x' }],
      },
      // Created after the day, dismissed before it: not there.
      { chatId: 'r4', ownerUserid: 'lina', createdAt: after, members: [] },
      { chatId: 'r5', ownerUserid: 'lina', createdAt: before, dismissedAt: before, members: [] },
      // No messages, no members joined: still a group the owner has.
      { chatId: 'r6', ownerUserid: 'wangwei', members: [] },
    ];
    const messages = createGroupMessageTally();
    for (const message of [
      inGroup('r1', 'lina', '10:00:00'),
      inGroup('r1', 'wm1', '10:01:00'),
      inGroup('r1', 'wm1', '10:02:00'),
      inGroup('r1', 'wm1', '10:03:00', 'recall'),
      inGroup('r3', 'wm1', '11:00:00'),
      inGroup('r3', 'x', '11:00:00'),
      inGroup('unknown', 'wm9', '11:00:00'),
      single('lina', 'wm1', 'staff', '09:00:00'),
    ])
      messages.add(message);
    expect(Object.fromEntries(ownerGroupFigures(groups, messages.rooms(), dayStart, dayEnd))).toEqual({
      lina: {
        chatTotal: 2,
        newChat: 1,
        chatHasMsg: 2,
        memberTotal: 4,
        newMember: 2,
        // r1's lina and wm1, r3's wm1 and x: wm1 wrote in two groups and counts in each.
        memberHasMsg: 4,
        msgTotal: 5,
      },
      wangwei: {
        chatTotal: 1,
        newChat: 0,
        chatHasMsg: 0,
        memberTotal: 0,
        newMember: 0,
        memberHasMsg: 0,
        msgTotal: 0,
      },
    });
  });

  it('leaves out an owner with nothing', () => {
    const groups: DayGroup[] = [
      { chatId: 'r9', ownerUserid: 'gone', createdAt: before, dismissedAt: before, members: [] },
    ];
    expect(ownerGroupFigures(groups, new Map(), dayStart, dayEnd).size).toBe(0);
  });
});
