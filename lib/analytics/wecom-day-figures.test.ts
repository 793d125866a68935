import type { WeComCredentials } from '../wecom/client';
import { WeComApiError, WeComTransportError } from '../wecom/errors';
import type { StatisticsApi, UserBehaviorDay } from '../wecom/statistics-api';
import { pullWecomDay } from './wecom-day-figures';

const DAY = '2026-12-04';
/** 2026-12-04 00:00 China time, in seconds. */
const DAY_START = Date.parse('2026-12-03T16:00:00Z') / 1000;
const NOW = new Date('2026-12-05T03:00:00+08:00');
const CREDENTIALS = { tenantId: 't1' } as WeComCredentials;

const behavior = (userid: string): UserBehaviorDay => ({
  stat_time: DAY_START,
  new_apply_cnt: 1,
  new_contact_cnt: userid.length,
  chat_cnt: 2,
  message_cnt: 5,
  reply_percentage: 50,
  avg_reply_time: 3,
  negative_feedback_cnt: 0,
});

function fakeWecom(options: { refuse?: (userid: string) => Error | undefined; now?: Date } = {}): {
  calls: unknown[][];
  deps: Parameters<typeof pullWecomDay>[0];
} {
  const calls: unknown[][] = [];
  const statistics: StatisticsApi = {
    async userBehaviorData(_credentials, userid, start, end) {
      calls.push(['behavior', userid, start, end]);
      const refused = options.refuse?.(userid);
      if (refused) throw refused;
      return [behavior(userid)];
    },
    async groupChatStatisticByOwner(_credentials, dayBegin, owners) {
      calls.push(['groups', dayBegin, owners.length]);
      return owners
        .filter((owner) => owner === 'lina')
        .map((owner) => ({
          owner,
          data: {
            new_chat_cnt: 1,
            chat_total: 3,
            chat_has_msg: 2,
            new_member_cnt: 4,
            member_total: 30,
            member_has_msg: 6,
            msg_total: 40,
          },
        }));
    },
  };
  return {
    calls,
    deps: {
      statistics,
      credentials: async () => CREDENTIALS,
      progress: () => undefined,
      now: () => options.now ?? NOW,
    },
  };
}

describe("WeCom's figures of a day (API.md §10)", () => {
  it('asks one member a call, in seconds at 00:00 China time, and owners 100 a call', async () => {
    const members = Array.from({ length: 205 }, (_, i) => `u${i}`).concat('lina');
    const { calls, deps } = fakeWecom();
    const pulled = await pullWecomDay(deps, { tenantId: 't1', day: DAY }, members);
    expect(pulled.outcome).toBe('pulled');
    expect(calls.filter((call) => call[0] === 'behavior')).toHaveLength(206);
    expect(calls[0]).toEqual(['behavior', 'u0', DAY_START, DAY_START]);
    expect(calls.filter((call) => call[0] === 'groups')).toEqual([
      ['groups', DAY_START, 100],
      ['groups', DAY_START, 100],
      ['groups', DAY_START, 6],
    ]);
    expect(pulled.staff.get('lina')).toEqual({
      newApply: 1,
      newContact: 4,
      chatCnt: 2,
      messageCnt: 5,
      replyPercentage: 50,
      avgReplyMinutes: 3,
      negativeFeedback: 0,
    });
    expect(Object.fromEntries(pulled.owners)).toEqual({
      lina: {
        chatTotal: 3,
        newChat: 1,
        chatHasMsg: 2,
        memberTotal: 30,
        newMember: 4,
        memberHasMsg: 6,
        msgTotal: 40,
      },
    });
  });

  it('leaves out a member WeCom refuses, and the whole day when it refuses the binding', async () => {
    const refusedMember = fakeWecom({
      refuse: (userid) =>
        userid === 'wangwei' ? new WeComApiError(84061, 'not external contact', '/x') : undefined,
    });
    const pulled = await pullWecomDay(refusedMember.deps, { tenantId: 't1', day: DAY }, ['lina', 'wangwei']);
    expect([...pulled.staff.keys()]).toEqual(['lina']);
    expect(pulled.outcome).toBe('pulled');

    const refusedBinding = fakeWecom({
      refuse: () => new WeComApiError(404, 'unknown API path (HTTP 404)', '/x'),
    });
    const none = await pullWecomDay(refusedBinding.deps, { tenantId: 't1', day: DAY }, ['lina', 'wangwei']);
    expect(none.staff.size + none.owners.size).toBe(0);
    expect(none.outcome).toBe('refused: 404 unknown API path (HTTP 404)');
  });

  it('throws what a retry may fix', async () => {
    const { deps } = fakeWecom({ refuse: () => new WeComTransportError('ECONNRESET', '/x') });
    await expect(pullWecomDay(deps, { tenantId: 't1', day: DAY }, ['lina'])).rejects.toBeInstanceOf(
      WeComTransportError,
    );
  });

  it('asks nothing for today, or for a day more than 180 days back', async () => {
    for (const day of ['2026-12-05', '2026-06-07']) {
      const { calls, deps } = fakeWecom();
      expect((await pullWecomDay(deps, { tenantId: 't1', day }, ['lina'])).outcome).toBe('off');
      expect(calls).toEqual([]);
    }
    const { calls, deps } = fakeWecom();
    expect((await pullWecomDay(deps, { tenantId: 't1', day: '2026-06-08' }, ['lina'])).outcome).toBe(
      'pulled',
    );
    expect(calls).toHaveLength(2);
  });
});
