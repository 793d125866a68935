/**
 * WeCom's statistics (API.md §10) through the product's own client (lib/wecom/statistics-api.ts) against the
 * running simulator: four weeks of activity dated in the past through the simulator's scenario API (adds,
 * pending requests, deletions both ways, single chats with known reply times, customer groups with joins,
 * leaves, an owner change, a dismissal and their messages), and every figure WeCom answers equal to the one
 * computed here from what the test itself created, by the definitions in wecom-sim/README.md.
 */
import { generateArchiveKeyPair } from '../../lib/wecom/archive-key';
import { WeComClient, type WeComCredentials } from '../../lib/wecom/client';
import {
  createStatisticsApi,
  type GroupChatStatisticData,
  type UserBehaviorDay,
} from '../../lib/wecom/statistics-api';
import {
  atMinute,
  chatRecorder,
  chinaDay,
  DAY,
  seededRandom,
  type MessageRecord,
} from '../support/seeded-activity';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';

const DAYS = 28;
const STAFF = ['tj_li', 'tj_wang', 'tj_zhao', 'tj_sun'];

/** What the test did, as it did it: the only input of the expected figures. */
interface RelationRecord {
  kind: 'requested' | 'added' | 'deleted_by_customer' | 'deleted_by_member';
  userid: string;
  at: number;
}
type GroupRecord =
  | { kind: 'create'; chatId: string; owner: string; members: string[]; at: number }
  | { kind: 'join'; chatId: string; userid: string; at: number }
  | { kind: 'leave'; chatId: string; userid: string; at: number }
  | { kind: 'owner'; chatId: string; owner: string; at: number }
  | { kind: 'dismiss'; chatId: string; at: number };

describe('WeCom statistics from the simulator, read with the product’s client', () => {
  let corp: SimCorp;
  let credentials: WeComCredentials;
  const statistics = createStatisticsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
  let firstDay: number;
  let yesterday: number;
  const relations: RelationRecord[] = [];
  const groups: GroupRecord[] = [];

  const random = seededRandom(20_261_205);
  const { rand, between, pickSome } = random;
  const { messages, say, conversation } = chatRecorder(() => corp.corpId, random);

  beforeAll(async () => {
    corp = await simulator.createCorp('统计分析测试企业');
    credentials = {
      tenantId: 'stats-t',
      corpId: corp.corpId,
      secretKind: 'externalContact',
      secret: corp.secrets.externalContact,
    };
    for (const [i, userid] of STAFF.entries()) {
      await simulator.addUser(corp.corpId, {
        userid,
        name: `统计员工${i + 1}`,
        mobile: `1371000000${i}`,
        department: [1],
      });
    }
    await simulator.uploadArchivePublicKey(corp.corpId, generateArchiveKeyPair().publicKey);
    // Count back from the simulator's today: its clock may run ahead of ours.
    const today = chinaDay(Math.floor(Date.parse((await simulator.clock()).now) / 1000));
    firstDay = today - DAYS * DAY;
    yesterday = today - DAY;

    const friends = new Map<string, string[]>(STAFF.map((userid) => [userid, []]));
    const everyone: string[] = [];
    let named = 0;
    const addCustomer = async (userid: string, at: number, half = false) => {
      const { customer } = await customerScenario.addCustomer(corp.corpId, {
        userid,
        name: `客户${(named += 1)}`,
        at,
        ...(half ? { half, added_by: 'customer' as const } : {}),
      });
      everyone.push(customer.external_userid);
      return customer.external_userid;
    };
    const live = new Map<string, { owner: string; members: string[]; createdAt: number }>();
    const createGroup = async (owner: string, members: string[], at: number) => {
      const { group_chat } = await customerScenario.createGroupChat(corp.corpId, {
        owner,
        members: members.map((userid) => ({ userid })),
        at,
      });
      groups.push({ kind: 'create', chatId: group_chat.chat_id, owner, members: [owner, ...members], at });
      live.set(group_chat.chat_id, { owner, members: [owner, ...members], createdAt: at });
      return group_chat.chat_id;
    };

    let handedOver: string | undefined;
    let dismissed: string | undefined;
    for (let d = 0; d < DAYS; d += 1) {
      const day = firstDay + d * DAY;
      for (const userid of STAFF) {
        const mine = friends.get(userid)!;
        for (let n = between(0, 2); n > 0; n -= 1) {
          const at = atMinute(day, between(8 * 60, 12 * 60));
          mine.push(await addCustomer(userid, at));
          relations.push({ kind: 'added', userid, at });
        }
        if (rand() < 0.3) {
          // A customer's request; accepted (now) or left pending. Accepted, it counts as an add at its time.
          const at = atMinute(day, between(8 * 60, 12 * 60));
          const id = await addCustomer(userid, at, true);
          relations.push({ kind: 'requested', userid, at });
          if (rand() < 0.5) {
            await customerScenario.acceptHalfAdd(corp.corpId, id, userid);
            relations.push({ kind: 'added', userid, at });
            mine.push(id);
          }
        }
        for (const customer of pickSome(mine, between(0, 3))) {
          await conversation(userid, customer, atMinute(day, between(13 * 60, 19 * 60)));
        }
        if (d === 10 && userid === STAFF[0] && mine.length > 0) {
          // Written late, answered after midnight: unanswered that day, and a member-started chat the next.
          await say(mine[0], userid, atMinute(day, 23 * 60 + 30));
          await say(userid, mine[0], atMinute(day + DAY, 20));
        }
        if (mine.length > 0 && rand() < 0.25) {
          const [gone] = mine.splice(between(0, mine.length - 1), 1);
          const by = rand() < 0.5 ? ('customer' as const) : ('member' as const);
          const at = atMinute(day, between(21 * 60, 22 * 60));
          await customerScenario.endRelation(corp.corpId, gone, userid, by, at);
          relations.push({
            kind: by === 'customer' ? 'deleted_by_customer' : 'deleted_by_member',
            userid,
            at,
          });
        }
      }

      // Customer groups: new ones now and then (one with a colleague, later handed over to them; one dismissed).
      for (const owner of STAFF.slice(0, 3)) {
        if (rand() < 0.2 && everyone.length > 0) {
          await createGroup(
            owner,
            pickSome(everyone, between(1, 3)),
            atMinute(day, between(9 * 60, 11 * 60)),
          );
        }
      }
      if (d === 3) dismissed = await createGroup(STAFF[1], pickSome(everyone, 2), atMinute(day, 10 * 60));
      if (d === 5)
        handedOver = await createGroup(STAFF[0], [STAFF[3], ...pickSome(everyone, 2)], atMinute(day, 9 * 60));
      if (d === 20) {
        const at = atMinute(day, 11 * 60 + 30);
        await customerScenario.changeGroupChat(corp.corpId, handedOver!, { owner: STAFF[3], at });
        groups.push({ kind: 'owner', chatId: handedOver!, owner: STAFF[3], at });
        live.get(handedOver!)!.owner = STAFF[3];
      }
      for (const [chatId, group] of live) {
        if (rand() < 0.2) {
          const newcomer = everyone.find((id) => !group.members.includes(id));
          if (newcomer) {
            const at = atMinute(day, between(14 * 60, 15 * 60));
            await customerScenario.addGroupMembers(corp.corpId, chatId, [{ userid: newcomer }], at);
            groups.push({ kind: 'join', chatId, userid: newcomer, at });
            group.members.push(newcomer);
          }
        }
        if (rand() < 0.1) {
          const leaving = group.members.find((id) => id !== group.owner && id !== STAFF[3]);
          if (leaving) {
            const at = atMinute(day, 16 * 60);
            await customerScenario.removeGroupMembers(corp.corpId, chatId, [leaving], at);
            groups.push({ kind: 'leave', chatId, userid: leaving, at });
            group.members.splice(group.members.indexOf(leaving), 1);
          }
        }
        if (rand() < 0.5) {
          let t = atMinute(day, between(12 * 60, 13 * 60));
          for (let n = between(1, 4); n > 0; n -= 1) {
            const sender = group.members[between(0, group.members.length - 1)];
            await say(sender, group.owner, (t += between(1, 60) * 60), chatId);
          }
        }
      }
      if (d === 22) {
        const at = atMinute(day, 22 * 60 + 30);
        await customerScenario.dismissGroupChat(corp.corpId, dismissed!, at);
        groups.push({ kind: 'dismiss', chatId: dismissed!, at });
        live.delete(dismissed!);
      }
    }
  }, 240_000);

  /** The test's own reading of the definitions: one member's day from the records above. */
  function expectedBehaviorDay(userid: string, day: number): UserBehaviorDay {
    const inDay = (at: number) => at >= day && at < day + DAY;
    const count = (kind: RelationRecord['kind']) =>
      relations.filter((r) => r.kind === kind && r.userid === userid && inDay(r.at)).length;
    const chats = new Map<string, MessageRecord[]>();
    for (const message of messages) {
      if (message.roomid || !inDay(message.at) || (message.from !== userid && message.to !== userid))
        continue;
      const customer = message.from === userid ? message.to : message.from;
      chats.set(customer, [...(chats.get(customer) ?? []), message]);
    }
    let chatCnt = 0;
    let messageCnt = 0;
    let started = 0;
    let replied = 0;
    let replySeconds = 0;
    for (const list of chats.values()) {
      const ordered = [...list].sort((a, b) => a.at - b.at);
      const own = ordered.filter((m) => m.from === userid);
      messageCnt += own.length;
      if (own.length > 0) chatCnt += 1;
      if (ordered[0].from !== userid) {
        started += 1;
        if (own.length > 0) {
          replied += 1;
          replySeconds += own[0].at - ordered[0].at;
        }
      }
    }
    return {
      stat_time: day,
      new_apply_cnt: count('requested'),
      new_contact_cnt: count('added'),
      chat_cnt: chatCnt,
      message_cnt: messageCnt,
      ...(started > 0
        ? {
            reply_percentage: Math.round((replied / started) * 10_000) / 100,
            avg_reply_time: replied > 0 ? Math.round(replySeconds / replied / 60) : 0,
          }
        : {}),
      negative_feedback_cnt: count('deleted_by_customer'),
    };
  }

  /** Each owner's groups at the end of `day`, replaying the group records from the start. */
  function expectedGroupDay(day: number): Map<string, GroupChatStatisticData> {
    const end = day + DAY;
    const state = new Map<string, { owner: string; members: Set<string> }>();
    for (const record of [...groups].sort((a, b) => a.at - b.at).filter((r) => r.at < end)) {
      if (record.kind === 'create')
        state.set(record.chatId, { owner: record.owner, members: new Set(record.members) });
      else if (record.kind === 'join') state.get(record.chatId)?.members.add(record.userid);
      else if (record.kind === 'leave') state.get(record.chatId)?.members.delete(record.userid);
      else if (record.kind === 'owner') state.get(record.chatId)!.owner = record.owner;
      else state.delete(record.chatId);
    }
    const byOwner = new Map<string, GroupChatStatisticData>();
    for (const [chatId, group] of state) {
      const data = byOwner.get(group.owner) ?? {
        new_chat_cnt: 0,
        chat_total: 0,
        chat_has_msg: 0,
        new_member_cnt: 0,
        member_total: 0,
        member_has_msg: 0,
        msg_total: 0,
        migrate_trainee_chat_cnt: 0,
      };
      const today = (at: number) => at >= day && at < end;
      const created = groups.find((r) => r.kind === 'create' && r.chatId === chatId)!;
      const said = messages.filter((m) => m.roomid === chatId && today(m.at));
      data.chat_total += 1;
      data.member_total += group.members.size;
      if (created.kind === 'create' && today(created.at)) {
        data.new_chat_cnt += 1;
        data.new_member_cnt += created.members.length;
      }
      data.new_member_cnt += groups.filter(
        (r) => r.kind === 'join' && r.chatId === chatId && today(r.at),
      ).length;
      data.msg_total += said.length;
      data.chat_has_msg += said.length > 0 ? 1 : 0;
      data.member_has_msg += new Set(said.map((m) => m.from)).size;
      byOwner.set(group.owner, data);
    }
    return byOwner;
  }

  const days = () => Array.from({ length: DAYS }, (_, i) => firstDay + i * DAY);

  it('get_user_behavior_data: each member’s four weeks equal the figures of what the test did', async () => {
    for (const userid of STAFF) {
      const answered = await statistics.userBehaviorData(credentials, userid, firstDay, yesterday);
      expect({ userid, days: answered }).toEqual({
        userid,
        days: days().map((day) => expectedBehaviorDay(userid, day)),
      });
    }
    // The month holds every kind of figure, so the equality above means something.
    const all = STAFF.flatMap((userid) => days().map((day) => expectedBehaviorDay(userid, day)));
    for (const field of [
      'new_apply_cnt',
      'new_contact_cnt',
      'chat_cnt',
      'message_cnt',
      'negative_feedback_cnt',
    ] as const)
      expect(all.some((entry) => entry[field] > 0)).toBe(true);
    expect(all.some((entry) => entry.reply_percentage !== undefined && entry.reply_percentage < 100)).toBe(
      true,
    );
    expect(all.some((entry) => (entry.avg_reply_time ?? 0) > 0)).toBe(true);
  });

  it('groupchat/statistic by owner, day by day, equals each owner’s groups replayed from the records', async () => {
    for (const day of days()) {
      const answered = await statistics.groupChatStatisticByOwner(credentials, day, STAFF);
      const expected = expectedGroupDay(day);
      expect({ day, owners: Object.fromEntries(answered.map((item) => [item.owner, item.data])) }).toEqual({
        day,
        owners: Object.fromEntries(expected),
      });
    }
    const all = days().flatMap((day) => [...expectedGroupDay(day).values()]);
    for (const field of [
      'new_chat_cnt',
      'new_member_cnt',
      'chat_has_msg',
      'member_has_msg',
      'msg_total',
    ] as const)
      expect(all.some((data) => data[field] > 0)).toBe(true);
  });

  it('groupchat/statistic_group_by_day adds the owners up, one entry per day', async () => {
    const client = new WeComClient({ baseUrl: stackEnv.wecomApiBase });
    const answer = await client.call<{ items: Array<{ stat_time: number; data: GroupChatStatisticData }> }>(
      credentials,
      {
        method: 'POST',
        path: '/externalcontact/groupchat/statistic_group_by_day',
        body: { day_begin_time: firstDay, day_end_time: yesterday, owner_filter: { userid_list: STAFF } },
      },
    );
    expect(answer.items).toEqual(
      days().map((day) => {
        const total: Record<string, number> = {};
        for (const data of expectedGroupDay(day).values()) {
          for (const [field, value] of Object.entries(data)) total[field] = (total[field] ?? 0) + value;
        }
        return {
          stat_time: day,
          data: {
            new_chat_cnt: 0,
            chat_total: 0,
            chat_has_msg: 0,
            new_member_cnt: 0,
            member_total: 0,
            member_has_msg: 0,
            msg_total: 0,
            migrate_trainee_chat_cnt: 0,
            ...total,
          },
        };
      }),
    );
  });

  it('milliseconds are refused with 600018, as WeCom does, and the client reports it with that errcode', async () => {
    const failure = await statistics
      .userBehaviorData(credentials, STAFF[0], firstDay * 1000, yesterday * 1000)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ errcode: 600018 });
  });
});
