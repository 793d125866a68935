import {
  addedEventId,
  endUnseenFollows,
  followFromBatchInfo,
  followFromFollowUser,
  mergeSeenFollows,
  replaceFollows,
  withoutTags,
  type FollowRecord,
} from './customer-relations';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

function follow(userid: string, extra: Partial<FollowRecord> = {}): FollowRecord {
  return {
    userid,
    remark: '',
    description: '',
    addedAt: at(1),
    tagIds: [],
    remarkCorpName: '',
    remarkMobiles: [],
    addWay: 1,
    operUserid: '',
    state: '',
    ...extra,
  };
}

describe('customer relations', () => {
  it('reads both WeCom relation shapes; personal tags (type 2) have no id and are dropped', () => {
    expect(
      followFromBatchInfo({
        userid: 'a',
        createtime: 1_700_000_000,
        tag_id: ['et1'],
        add_way: 3,
        state: 's',
      }),
    ).toMatchObject({
      userid: 'a',
      addedAt: new Date(1_700_000_000_000),
      tagIds: ['et1'],
      addWay: 3,
      state: 's',
    });
    expect(
      followFromFollowUser({
        userid: 'a',
        createtime: 1_700_000_000,
        tags: [
          { tag_id: 'et1', type: 1 },
          { tag_name: '个人', type: 2 },
          { tag_id: 'et2', type: 3 },
        ],
      }).tagIds,
    ).toEqual(['et1', 'et2']);
  });

  it('a sync page activates what it saw, keeps what it did not mention, and reports new relations', () => {
    const existing = [
      follow('a', { remark: 'old' }),
      follow('b', { deletedAt: at(2), deletedBy: 'customer' }),
    ];
    const merge = mergeSeenFollows(
      existing,
      [follow('a', { remark: 'new' }), follow('b'), follow('c')],
      at(5),
    );
    expect(merge.added.map((f) => f.userid)).toEqual(['b', 'c']);
    expect(merge.follows).toHaveLength(3);
    expect(merge.follows.find((f) => f.userid === 'a')).toMatchObject({ remark: 'new', lastSeenAt: at(5) });
    expect(merge.follows.find((f) => f.userid === 'b')).toMatchObject({ deletedAt: null, deletedBy: null });
  });

  it('a refetched customer ends the relations WeCom no longer lists, naming who ended the event’s one', () => {
    const existing = [follow('a'), follow('b'), follow('c')];
    const merge = replaceFollows(existing, [follow('a')], at(5), { userid: 'b', by: 'customer', at: at(4) });
    const byUser = Object.fromEntries(merge.follows.map((f) => [f.userid, f]));
    expect(byUser.a.deletedAt).toBeNull();
    expect(byUser.b).toMatchObject({ deletedAt: at(4), deletedBy: 'customer' });
    expect(byUser.c).toMatchObject({ deletedAt: at(5), deletedBy: null });
    expect(merge.added).toEqual([]);
  });

  it('applying the same refetch twice changes nothing more', () => {
    const once = replaceFollows([follow('a'), follow('b')], [follow('a')], at(5), {
      userid: 'b',
      by: 'staff',
      at: at(4),
    });
    const twice = replaceFollows(once.follows, [follow('a')], at(6), { userid: 'b', by: 'staff', at: at(4) });
    expect(twice.follows.find((f) => f.userid === 'b')).toMatchObject({
      deletedAt: at(4),
      deletedBy: 'staff',
    });
    expect(twice.added).toEqual([]);
  });

  it('a completed sync ends active relations not seen since it began, and only those', () => {
    const follows = [
      follow('seen', { lastSeenAt: at(10) }),
      follow('stale', { lastSeenAt: at(3) }),
      follow('never'),
      follow('gone', { deletedAt: at(2) }),
    ];
    const ended = endUnseenFollows(follows, at(9), at(11))!;
    expect(ended.map((f) => [f.userid, f.deletedAt ?? null])).toEqual([
      ['seen', null],
      ['stale', at(11)],
      ['never', at(11)],
      ['gone', at(2)],
    ]);
    expect(endUnseenFollows([follow('seen', { lastSeenAt: at(10) })], at(9), at(11))).toBeNull();
  });

  it('deleted tags leave every relation; untouched customers are reported as such', () => {
    const follows = [follow('a', { tagIds: ['t1', 't2'] }), follow('b', { tagIds: ['t2'] })];
    expect(withoutTags(follows, ['t2'])!.map((f) => f.tagIds)).toEqual([['t1'], []]);
    expect(withoutTags(follows, ['t9'])).toBeNull();
  });

  it('an add is identified by customer, member and WeCom’s createtime (seconds)', () => {
    expect(addedEventId('wm1', 'a', new Date(1_700_000_000_900))).toBe('added:wm1:a:1700000000');
  });
});
