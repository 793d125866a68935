import { CONTACT_SORT_VALUES, rankRows } from './member-ranking';

const row = (userid: string, numerator: number, denominator: number, newApply = 0) => ({
  userid,
  name: userid,
  newApply,
  newContact: 0,
  chatCnt: 0,
  messageCnt: 0,
  reply: { numerator, denominator },
  firstReply: { totalSeconds: numerator * 60, count: numerator },
  deletedByCustomer: 0,
});

describe('员工分析 order (I-91)', () => {
  const rows = [row('d', 0, 0), row('b', 1, 2), row('a', 1, 2), row('c', 3, 4)];

  it('sorts a ratio column by Σ numerator / Σ denominator, "-" below every figure', () => {
    const ids = (order: 'asc' | 'desc') =>
      rankRows(rows, CONTACT_SORT_VALUES.replyRatio, order).map((r) => r.userid);
    expect(ids('desc')).toEqual(['c', 'a', 'b', 'd']);
    expect(ids('asc')).toEqual(['d', 'a', 'b', 'c']);
  });

  it('breaks ties by userid in both orders, so pages never overlap', () => {
    const tied = [row('z', 0, 0, 5), row('m', 0, 0, 5), row('a', 0, 0, 1)];
    expect(rankRows(tied, CONTACT_SORT_VALUES.newApply, 'desc').map((r) => r.userid)).toEqual([
      'm',
      'z',
      'a',
    ]);
    expect(rankRows(tied, CONTACT_SORT_VALUES.newApply, 'asc').map((r) => r.userid)).toEqual(['a', 'm', 'z']);
  });

  it('a zero first-reply count is "-" too', () => {
    expect(CONTACT_SORT_VALUES.firstReply(row('a', 0, 3))).toBeNull();
    expect(CONTACT_SORT_VALUES.firstReply(row('a', 2, 3))).toBe(60);
  });
});
