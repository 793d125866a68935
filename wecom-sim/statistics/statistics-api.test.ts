import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { createSimApp } from '../app';
import { SimClock } from '../clock';
import type { SecretKind } from '../state/secret-kinds';
import { SimState } from '../state/sim-state';
import { chinaDayStart, DAY_SECONDS } from './china-days';

/** 2026-12-05 10:00 in China: a fixed clock, so days and windows are the same on every run. */
const NOW_MS = Date.parse('2026-12-05T10:00:00+08:00');
const TODAY = chinaDayStart(NOW_MS / 1000);
const D1 = TODAY - 3 * DAY_SECONDS;
const D2 = TODAY - 2 * DAY_SECONDS;
const D3 = TODAY - DAY_SECONDS;
/** Seconds at `hh:mm` China time on `day`. */
const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return day + h * 3600 + m * 60;
};

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
const PUBLIC_KEY = publicKey.export({ type: 'spki', format: 'pem' }).toString();

let state: SimState;
let app: ReturnType<typeof createSimApp>;
let corpId: string;
let secrets: Record<SecretKind, string>;
let token: string;

const sim = () => request(app);
const corpPath = (path: string) => `/sim/corps/${corpId}${path}`;

async function tokenFor(kind: SecretKind): Promise<string> {
  const { body } = await sim().get('/cgi-bin/gettoken').query({ corpid: corpId, corpsecret: secrets[kind] });
  return body.access_token as string;
}

const call = (api: string, body: unknown, accessToken = token) =>
  sim()
    .post(`/cgi-bin/externalcontact/${api}`)
    .query({ access_token: accessToken })
    .send(body as object);

async function scenario(method: 'post' | 'delete' | 'patch', path: string, body?: object) {
  const response = await sim()[method](corpPath(path)).send(body);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
  return response.body;
}

async function addCustomer(userid: string, name: string, when: number, extra: object = {}) {
  const { customer } = await scenario('post', '/customers', { userid, name, at: when, ...extra });
  return customer.external_userid as string;
}

const say = (from: string, to: string, when: number, roomid?: string, msgtype = 'text') =>
  scenario('post', '/archive/chat-messages', {
    from,
    tolist: [to],
    ...(roomid ? { roomid } : {}),
    msgtime: when * 1000,
    msgtype,
    body: msgtype === 'revoke' ? { pre_msgid: 'x' } : { content: `${from} @ ${when}` },
  });

/** The corp's people: lina and wangwei in 销售部 (2), zhaomin in its 华东区 (3), gone disabled. */
beforeEach(async () => {
  state = new SimState({ clock: new SimClock(() => NOW_MS) });
  app = createSimApp(state);
  const corp = state.createCorp({ name: '统计企业' });
  corpId = corp.corpId;
  secrets = corp.identity.secrets;
  await scenario('post', '/departments', { id: 2, name: '销售部', parentid: 1 });
  await scenario('post', '/departments', { id: 3, name: '华东区', parentid: 2 });
  for (const [i, [userid, department, status]] of (
    [
      ['lina', 2, 1],
      ['wangwei', 2, 1],
      ['zhaomin', 3, 1],
      ['gone', 1, 2],
    ] as const
  ).entries()) {
    await scenario('post', '/users', {
      userid,
      name: userid,
      mobile: `1380000000${i}`,
      department: [department],
      status,
    });
  }
  await scenario('post', '/archive/public-keys', { publicKey: PUBLIC_KEY });
  token = await tokenFor('externalContact');
});

describe('get_user_behavior_data', () => {
  /** Customers a, b, c and three days of adds, deletions and single chats with known reply times. */
  async function seedContacts() {
    const a = await addCustomer('lina', '甲', at(D1, '09:00'));
    const b = await addCustomer('lina', '乙', at(D1, '10:00'), { half: true, added_by: 'customer' });
    await scenario('post', `/customers/${b}/followers/lina/accept`);
    const c = await addCustomer('wangwei', '丙', at(D1, '07:00'));
    await scenario('delete', `/customers/${a}/followers/lina?by=customer&at=${at(D2, '11:00')}`);
    await scenario('delete', `/customers/${b}/followers/lina?by=member&at=${at(D2, '12:00')}`);
    // D1: a starts, lina answers after 30 minutes and again; lina starts with b; c writes late, answered on D2.
    await say(a, 'lina', at(D1, '09:10'));
    await say('lina', a, at(D1, '09:40'));
    await say('lina', a, at(D1, '09:41'));
    await say('lina', b, at(D1, '11:00'));
    await say(b, 'lina', at(D1, '11:05'));
    await say(c, 'lina', at(D1, '23:50'));
    await say('lina', c, at(D2, '00:10'));
    // wangwei answers c within 20 minutes; a recall and a group message are no single-chat messages.
    await say(c, 'wangwei', at(D1, '08:00'));
    await say('wangwei', c, at(D1, '08:20'));
    await say('wangwei', c, at(D1, '08:30'), undefined, 'revoke');
    await say('lina', 'wangwei', at(D1, '08:40'), 'wrInternalRoom');
    return { a, b, c };
  }

  const zeroDay = (statTime: number) => ({
    stat_time: statTime,
    new_apply_cnt: 0,
    new_contact_cnt: 0,
    chat_cnt: 0,
    message_cnt: 0,
    negative_feedback_cnt: 0,
  });

  it('one member: one entry per day, adds, requests, deletions and chats from what the simulator sent', async () => {
    await seedContacts();
    const { body } = await call('get_user_behavior_data', {
      userid: ['lina'],
      start_time: D1,
      end_time: D3,
    });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      behavior_data: [
        {
          ...zeroDay(D1),
          new_apply_cnt: 1,
          new_contact_cnt: 2,
          chat_cnt: 2,
          message_cnt: 3,
          reply_percentage: 50,
          avg_reply_time: 30,
        },
        // Deleted by a (counted) and lina deleting b (WeCom has no figure for that); c's D2 chat began with lina.
        { ...zeroDay(D2), chat_cnt: 1, message_cnt: 1, negative_feedback_cnt: 1 },
        zeroDay(D3),
      ],
    });
  });

  it('several ids are one series; a party means its members and its sub-departments’; times are floored', async () => {
    await seedContacts();
    const expectedD1 = {
      ...zeroDay(D1),
      new_apply_cnt: 1,
      new_contact_cnt: 3,
      chat_cnt: 3,
      message_cnt: 4,
      reply_percentage: 66.67,
      avg_reply_time: 25,
    };
    const byUsers = await call('get_user_behavior_data', {
      userid: ['lina', 'WangWei'],
      start_time: at(D1, '15:30'),
      end_time: at(D1, '18:00'),
    });
    expect(byUsers.body.behavior_data).toEqual([expectedD1]);
    const byParty = await call('get_user_behavior_data', {
      partyid: [2],
      userid: ['lina'],
      start_time: D1,
      end_time: D1,
    });
    expect(byParty.body.behavior_data).toEqual([expectedD1]);
  });

  it('a customer-started chat left unanswered still has the reply fields, at 0', async () => {
    const a = await addCustomer('lina', '甲', at(D1, '09:00'));
    await say(a, 'lina', at(D1, '09:10'));
    const { body } = await call('get_user_behavior_data', { userid: ['lina'], start_time: D1, end_time: D1 });
    expect(body.behavior_data).toEqual([
      { ...zeroDay(D1), new_contact_cnt: 1, reply_percentage: 0, avg_reply_time: 0 },
    ]);
  });

  it('accepts a 30-day span back to 180 days ago, up to today', async () => {
    const oldest = TODAY - 180 * DAY_SECONDS;
    const { body } = await call('get_user_behavior_data', {
      userid: ['lina'],
      start_time: oldest,
      end_time: oldest + 30 * DAY_SECONDS,
    });
    expect(body.behavior_data).toHaveLength(31);
    const recent = await call('get_user_behavior_data', {
      userid: ['lina'],
      start_time: D3,
      end_time: TODAY,
    });
    expect(recent.body.behavior_data.map((d: { stat_time: number }) => d.stat_time)).toEqual([D3, TODAY]);
  });

  it.each([
    ['milliseconds', { start_time: D1 * 1000, end_time: D3 * 1000 }, 600018],
    ['end before start', { start_time: D3, end_time: D1 }, 600018],
    ['more than 30 days', { start_time: D1 - 31 * DAY_SECONDS, end_time: D1 }, 600018],
    [
      'older than 180 days',
      { start_time: TODAY - 181 * DAY_SECONDS, end_time: D1 - 160 * DAY_SECONDS },
      600018,
    ],
    ['a day to come', { start_time: D3, end_time: TODAY + DAY_SECONDS }, 600018],
    ['no start_time', { end_time: D3 }, 40058],
    ['a time that is not a number', { start_time: String(D1), end_time: D3 }, 40058],
  ])('refuses %s', async (_case, times, errcode) => {
    const { body } = await call('get_user_behavior_data', { userid: ['lina'], ...times });
    expect(body.errcode).toBe(errcode);
    if (errcode === 600018) expect(body.errmsg).toMatch(/^Warning: wrong json format. invalid start endtime/);
  });

  it.each([
    ['neither userid nor partyid', {}, 40058],
    ['both empty', { userid: [], partyid: [] }, 40058],
    ['101 userids', { userid: Array.from({ length: 101 }, () => 'lina') }, 40058],
    ['101 partyids', { partyid: Array.from({ length: 101 }, () => 2) }, 40058],
    ['an unknown userid', { userid: ['lina', 'nobody'] }, 40003],
    ['a member outside 客户联系 (disabled)', { userid: ['gone'] }, 84074],
    ['an unknown partyid', { partyid: [99] }, 60123],
  ])('refuses %s', async (_case, ids, errcode) => {
    const { body } = await call('get_user_behavior_data', { ...ids, start_time: D1, end_time: D3 });
    expect(body.errcode).toBe(errcode);
    expect(body.behavior_data).toBeUndefined();
  });

  it('takes a token with 客户联系 rights only (the 客户联系 or the app secret); checks the token first', async () => {
    const body = { userid: ['lina'], start_time: D1, end_time: D1 };
    expect((await call('get_user_behavior_data', body, await tokenFor('app'))).body.errcode).toBe(0);
    expect((await call('get_user_behavior_data', body, await tokenFor('contacts'))).body.errcode).toBe(48002);
    expect((await call('get_user_behavior_data', body, await tokenFor('archive'))).body.errcode).toBe(48002);
    expect((await call('get_user_behavior_data', { userid: [] }, 'not-a-token')).body.errcode).toBe(40014);
    const missing = await sim().post('/cgi-bin/externalcontact/get_user_behavior_data').send(body);
    expect(missing.body.errcode).toBe(41001);
  });
});

describe('groupchat/statistic and statistic_group_by_day', () => {
  /**
   * lina's g1 (D1; wangwei leaves and c joins on D2), lina's g3 (D1, dismissed D2), wangwei's g2 (D2, handed
   * to lina on D3), and their messages.
   */
  async function seedGroups() {
    const a = await addCustomer('lina', '甲', at(D1, '08:00'));
    const b = await addCustomer('wangwei', '乙', at(D1, '08:00'));
    const c = await addCustomer('lina', '丙', at(D1, '08:00'));
    const create = async (owner: string, members: string[], when: number) =>
      (
        await scenario('post', '/group-chats', {
          owner,
          members: members.map((userid) => ({ userid })),
          at: when,
        })
      ).group_chat.chat_id as string;
    const g1 = await create('lina', ['wangwei', a], at(D1, '10:00'));
    const g3 = await create('lina', [a], at(D1, '11:00'));
    await say('lina', a, at(D1, '10:05'), g1);
    await say('lina', a, at(D1, '10:06'), g1);
    await say(a, 'lina', at(D1, '10:07'), g1);
    await scenario('post', `/group-chats/${g1}/members`, { members: [{ userid: c }], at: at(D2, '09:00') });
    await scenario('delete', `/group-chats/${g1}/members`, { userids: ['wangwei'], at: at(D2, '12:00') });
    await say(c, 'lina', at(D2, '09:30'), g1);
    await say(c, 'lina', at(D2, '09:31'), g1, 'revoke');
    // g3 is gone by the end of D2: its message that day counts nowhere.
    await say(a, 'lina', at(D2, '10:00'), g3);
    await scenario('delete', `/group-chats/${g3}?at=${at(D2, '15:00')}`);
    const g2 = await create('wangwei', [b], at(D2, '08:00'));
    await scenario('post', `/group-chats/${g2}/members`, {
      members: [{ userid: 'lina' }],
      at: at(D3, '09:00'),
    });
    await scenario('patch', `/group-chats/${g2}`, { owner: 'lina', at: at(D3, '10:00') });
    await say(b, 'lina', at(D3, '11:00'), g2);
    return { g1, g2, g3 };
  }

  const data = (figures: Partial<Record<string, number>>) => ({
    new_chat_cnt: 0,
    chat_total: 0,
    chat_has_msg: 0,
    new_member_cnt: 0,
    member_total: 0,
    member_has_msg: 0,
    msg_total: 0,
    migrate_trainee_chat_cnt: 0,
    ...figures,
  });
  const linaD1 = data({
    new_chat_cnt: 2,
    chat_total: 2,
    chat_has_msg: 1,
    new_member_cnt: 5,
    member_total: 5,
    member_has_msg: 2,
    msg_total: 3,
  });
  const linaD2 = data({
    chat_total: 1,
    chat_has_msg: 1,
    new_member_cnt: 1,
    member_total: 3,
    member_has_msg: 1,
    msg_total: 1,
  });
  const wangweiD2 = data({ new_chat_cnt: 1, chat_total: 1, new_member_cnt: 2, member_total: 2 });
  const linaD3 = data({
    chat_total: 2,
    chat_has_msg: 1,
    new_member_cnt: 1,
    member_total: 6,
    member_has_msg: 1,
    msg_total: 1,
  });
  const owners = { userid_list: ['lina', 'wangwei', 'nobody'] };

  it('by owner, one day: each owner who has groups, new chats first; unknown owners are just absent', async () => {
    await seedGroups();
    const { body } = await call('groupchat/statistic', { day_begin_time: D2, owner_filter: owners });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      total: 2,
      next_offset: 2,
      items: [
        { owner: 'wangwei', data: wangweiD2 },
        { owner: 'lina', data: linaD2 },
      ],
    });
  });

  it('by owner over a range: new figures summed, totals at the last day, speakers and chats counted once', async () => {
    await seedGroups();
    const { body } = await call('groupchat/statistic', {
      day_begin_time: D1,
      day_end_time: at(D3, '12:00'),
      owner_filter: owners,
      order_by: 2,
    });
    expect(body.items).toEqual([
      {
        owner: 'lina',
        data: data({
          new_chat_cnt: 2,
          chat_total: 2,
          chat_has_msg: 2,
          new_member_cnt: 7,
          member_total: 6,
          member_has_msg: 4,
          msg_total: 5,
        }),
      },
      { owner: 'wangwei', data: data({ new_chat_cnt: 1, new_member_cnt: 2 }) },
    ]);
  });

  it('sorts by order_by and order_asc, and pages with offset and limit up to next_offset = total', async () => {
    await seedGroups();
    const page = (offset: number) =>
      call('groupchat/statistic', {
        day_begin_time: D2,
        owner_filter: owners,
        order_by: 4,
        order_asc: 1,
        offset,
        limit: 1,
      });
    const first = await page(0);
    expect(first.body).toMatchObject({ total: 2, next_offset: 1, items: [{ owner: 'wangwei' }] });
    const second = await page(1);
    expect(second.body).toMatchObject({ total: 2, next_offset: 2, items: [{ owner: 'lina' }] });
  });

  it('by day: one entry per day, the owners’ figures added up', async () => {
    await seedGroups();
    const { body } = await call('groupchat/statistic_group_by_day', {
      day_begin_time: D1,
      day_end_time: D3,
      owner_filter: owners,
    });
    expect(body.items).toEqual([
      { stat_time: D1, data: linaD1 },
      {
        stat_time: D2,
        data: data({
          new_chat_cnt: 1,
          chat_total: 2,
          chat_has_msg: 1,
          new_member_cnt: 3,
          member_total: 5,
          member_has_msg: 1,
          msg_total: 1,
        }),
      },
      { stat_time: D3, data: linaD3 },
    ]);
    const single = await call('groupchat/statistic_group_by_day', {
      day_begin_time: D3,
      owner_filter: { userid_list: ['wangwei'] },
    });
    expect(single.body.items).toEqual([{ stat_time: D3, data: data({}) }]);
  });

  it.each([
    ['no day_begin_time', { owner_filter: owners }],
    ['no owner_filter', { day_begin_time: D2 }],
    ['an empty owner list', { day_begin_time: D2, owner_filter: { userid_list: [] } }],
    [
      '101 owners',
      { day_begin_time: D2, owner_filter: { userid_list: Array.from({ length: 101 }, (_, i) => `u${i}`) } },
    ],
    ['today (WeCom has yesterday at the latest)', { day_begin_time: TODAY, owner_filter: owners }],
    ['more than 180 days ago', { day_begin_time: TODAY - 181 * DAY_SECONDS, owner_filter: owners }],
    ['an end before the begin', { day_begin_time: D2, day_end_time: D1, owner_filter: owners }],
    ['an end after yesterday', { day_begin_time: D2, day_end_time: TODAY, owner_filter: owners }],
  ])('both refuse %s with 40058', async (_case, body) => {
    expect((await call('groupchat/statistic', body)).body.errcode).toBe(40058);
    expect((await call('groupchat/statistic_group_by_day', body)).body.errcode).toBe(40058);
  });

  it.each([
    ['order_by 5', { order_by: 5 }],
    ['order_by 0', { order_by: 0 }],
    ['order_asc 2', { order_asc: 2 }],
    ['offset -1', { offset: -1 }],
    ['limit 0', { limit: 0 }],
    ['limit 1001', { limit: 1001 }],
  ])('statistic refuses %s with 40058', async (_case, extra) => {
    const { body } = await call('groupchat/statistic', {
      day_begin_time: D2,
      owner_filter: owners,
      ...extra,
    });
    expect(body.errcode).toBe(40058);
  });

  it('limit 1000 and the 180th day back are accepted; the archive secret is not', async () => {
    const oldest = TODAY - 180 * DAY_SECONDS;
    const ok = await call('groupchat/statistic', {
      day_begin_time: oldest,
      owner_filter: owners,
      limit: 1000,
    });
    expect(ok.body).toEqual({ errcode: 0, errmsg: 'ok', total: 0, next_offset: 0, items: [] });
    const archive = await tokenFor('archive');
    const refused = await call('groupchat/statistic', { day_begin_time: D2, owner_filter: owners }, archive);
    expect(refused.body.errcode).toBe(48002);
  });
});

describe('activity dated in the past through the scenario API', () => {
  it('a dated add keeps its time as createtime; a time to come and a leave before the join are refused', async () => {
    const a = await addCustomer('lina', '甲', at(D1, '09:00'));
    const { body } = await sim().get(corpPath(`/customers/${a}`));
    expect(body.follow_user[0].createtime).toBe(at(D1, '09:00'));
    const future = await sim()
      .post(corpPath('/customers'))
      .send({ userid: 'lina', name: '乙', at: TODAY + DAY_SECONDS });
    expect(future.status).toBe(400);
    const early = await sim().delete(corpPath(`/customers/${a}/followers/lina?at=${at(D1, '08:00')}`));
    expect(early.status).toBe(400);
    const { group_chat } = await scenario('post', '/group-chats', {
      owner: 'lina',
      members: [{ userid: a }],
      at: at(D2, '10:00'),
    });
    const leave = await sim()
      .delete(corpPath(`/group-chats/${group_chat.chat_id}/members`))
      .send({ userids: [a], at: at(D2, '09:00') });
    expect(leave.status).toBe(400);
    const join = await sim()
      .post(corpPath(`/group-chats/${group_chat.chat_id}/members`))
      .send({ members: [{ userid: 'wangwei' }], at: at(D1, '09:00') });
    expect(join.status).toBe(400);
  });
});
