import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';
import { capLimit, capPeriodKey } from './mass-sends';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
  // Most tests read tasks at once; the dispatch delay has its own test.
  sim.state.corp(DEMO_CORP_ID)!.massSends.settings.dispatchSeconds = 0;
});

const corp = () => sim.state.corp(DEMO_CORP_ID)!;
const post = (api: string, body: unknown) =>
  request(sim.app)
    .post(`/cgi-bin/externalcontact/${api}`)
    .query({ access_token: token })
    .send(body as object);
const scenario = (path: string) => `/sim/corps/${DEMO_CORP_ID}/mass-sends${path}`;
const confirm = (msgid: string, userid: string, body: object = {}) =>
  request(sim.app)
    .post(scenario(`/${msgid}/tasks/${userid}/send`))
    .send(body);
const text = { content: '双十二活动开始啦' };
const nowSeconds = () => sim.state.clock.nowSeconds();

/** A customer added by the given members at the given times (seconds). */
function addCustomer(
  externalUserid: string,
  followers: Array<{ userid: string; createtime: number }>,
): string {
  corp().customers.upsertContact({
    external_userid: externalUserid,
    name: externalUserid,
    type: 1,
    gender: 0,
    avatar: '',
  });
  for (const { userid, createtime } of followers) {
    corp().customers.follow({
      userid,
      external_userid: externalUserid,
      remark: '',
      description: '',
      createtime,
      tag_ids: [],
      remark_corp_name: '',
      remark_mobiles: [],
      add_way: 1,
      oper_userid: userid,
      state: '',
      half: false,
    });
  }
  return externalUserid;
}

async function createSingle(externalUserids: string[], sender = 'lina'): Promise<string> {
  const response = await post('add_msg_template', {
    chat_type: 'single',
    sender,
    external_userid: externalUserids,
    text,
  });
  expect(response.body.errcode).toBe(0);
  return response.body.msgid as string;
}

describe('add_msg_template', () => {
  it('creates one template with a pending task for the sender and lists who cannot be reached', async () => {
    const [a, b] = corp().customers.customersOf('lina');
    const notLinas = corp()
      .customers.customersOf('zhangwei')
      .find((id) => !corp().customers.hasRelation('lina', id))!;
    const response = await post('add_msg_template', {
      sender: 'lina',
      external_userid: [a, b, a, notLinas, 'wmUnknownCustomer'],
      text,
      attachments: [{ msgtype: 'link', link: { title: '活动', url: 'https://example.com' } }],
    });
    expect(response.body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      fail_list: [notLinas, 'wmUnknownCustomer'],
    });
    expect(response.body.msgid).toMatch(/^msg/);
    const listed = await request(sim.app).get(scenario(''));
    expect(listed.body.perSender).toEqual({ lina: 1 });
    expect(listed.body.templates[0].tasks).toEqual([
      { userid: 'lina', status: 0, recipients: { pending: 2, sent: 0, notFriend: 0, overCap: 0 } },
    ]);
  });

  it('without a sender, gives each customer to the member who added them last: one task per member', async () => {
    const shared = addCustomer('wmSharedCustomer0000000000000001', [
      { userid: 'lina', createtime: 1_700_000_000 },
      { userid: 'zhangwei', createtime: 1_700_000_500 },
    ]);
    const linas = corp()
      .customers.customersOf('lina')
      .find((id) => corp().customers.followersOf(id).length === 1)!;
    const response = await post('add_msg_template', { external_userid: [shared, linas], text });
    expect(response.body).toMatchObject({ errcode: 0, fail_list: [] });
    const template = (await request(sim.app).get(scenario(`/${response.body.msgid}`))).body.template;
    expect(template.create_type).toBe(0);
    expect(template.creator).toBeUndefined();
    const byMember = Object.fromEntries(
      template.tasks.map((t: { userid: string; recipients: Array<{ id: string }> }) => [
        t.userid,
        t.recipients.map((r) => r.id),
      ]),
    );
    expect(byMember).toEqual({ zhangwei: [shared], lina: [linas] });
  });

  it('with a sender alone, reaches all of their customers, narrowed by tag_filter', async () => {
    const all = await post('add_msg_template', { sender: 'lina', text });
    const template = corp().massSends.get(all.body.msgid);
    expect(template.tasks[0].recipients).toHaveLength(corp().customers.customersOf('lina').length);

    const tagged = corp()
      .customers.customersOf('lina')
      .map((id) => corp().customers.relation('lina', id))
      .find((r) => r.tag_ids.length > 0)!;
    const byTag = await post('add_msg_template', {
      sender: 'lina',
      tag_filter: { group_list: [{ tag_list: [tagged.tag_ids[0]] }] },
      text,
    });
    const recipients = corp()
      .massSends.get(byTag.body.msgid)
      .tasks[0].recipients.map((r) => r.id);
    expect(recipients).toContain(tagged.external_userid);
    for (const id of recipients)
      expect(corp().customers.relation('lina', id).tag_ids).toContain(tagged.tag_ids[0]);
    expect(
      (
        await post('add_msg_template', {
          sender: 'lina',
          tag_filter: { group_list: [{ tag_list: ['etNoSuchTag'] }] },
          text,
        })
      ).body.errcode,
    ).toBe(40068);
  });

  it('refuses more than 10,000 customers, empty content, no audience at all, and unknown senders', async () => {
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `wm${i}`);
    expect(
      (await post('add_msg_template', { sender: 'lina', external_userid: tooMany, text })).body,
    ).toMatchObject({
      errcode: 40058,
      fail_list: [],
    });
    const customer = corp().customers.customersOf('lina')[0];
    expect(
      (await post('add_msg_template', { sender: 'lina', external_userid: [customer] })).body.errcode,
    ).toBe(40058);
    expect(
      (
        await post('add_msg_template', {
          sender: 'lina',
          external_userid: [customer],
          text: { content: 'x'.repeat(4001) },
        })
      ).body.errcode,
    ).toBe(40058);
    expect((await post('add_msg_template', { text })).body.errcode).toBe(40058);
    expect(
      (await post('add_msg_template', { sender: 'nobody', external_userid: [customer], text })).body.errcode,
    ).toBe(40003);
    // Nobody left to send to: 41048, not an empty success.
    expect(
      (await post('add_msg_template', { sender: 'lina', external_userid: ['wmUnknown'], text })).body.errcode,
    ).toBe(41048);
    expect(corp().massSends.list()).toHaveLength(0);
  });

  it('sends to the sender’s customer groups: sender required, chat_ids they do not own fail', async () => {
    const owned = corp()
      .groupChats.all()
      .filter((chat) => chat.owner === 'lina')
      .map((chat) => chat.chat_id);
    const other = corp()
      .groupChats.all()
      .find((chat) => chat.owner !== 'lina')!.chat_id;
    expect(
      (await post('add_msg_template', { chat_type: 'group', chat_id_list: owned, text })).body.errcode,
    ).toBe(40058);
    const listed = await post('add_msg_template', {
      chat_type: 'group',
      sender: 'lina',
      chat_id_list: [owned[0], other],
      text,
    });
    expect(listed.body).toMatchObject({ errcode: 0, fail_list: [other] });
    const all = await post('add_msg_template', { chat_type: 'group', sender: 'lina', text });
    expect(
      corp()
        .massSends.get(all.body.msgid)
        .tasks[0].recipients.map((r) => r.id),
    ).toEqual(owned);
    const tooMany = Array.from({ length: 2001 }, (_, i) => `wr${i}`);
    expect(
      (await post('add_msg_template', { chat_type: 'group', sender: 'lina', chat_id_list: tooMany, text }))
        .body.errcode,
    ).toBe(40058);
  });
});

describe('tasks and results', () => {
  it('answers 41063 while the template is still being dispatched', async () => {
    corp().massSends.settings.dispatchSeconds = 5;
    const msgid = await createSingle(corp().customers.customersOf('lina').slice(0, 2));
    expect((await post('get_groupmsg_task', { msgid })).body).toMatchObject({
      errcode: 41063,
      task_list: [],
    });
    expect((await post('get_groupmsg_send_result', { msgid, userid: 'lina' })).body).toMatchObject({
      errcode: 41063,
      send_list: [],
    });
    sim.state.clock.advance(5);
    expect((await post('get_groupmsg_task', { msgid })).body).toMatchObject({
      errcode: 0,
      task_list: [{ userid: 'lina', status: 0 }],
    });
  });

  it('answers 41046 without a msgid and 41047 for an unknown one', async () => {
    expect((await post('get_groupmsg_task', {})).body.errcode).toBe(41046);
    expect((await post('get_groupmsg_task', { msgid: 'msgNoSuch' })).body.errcode).toBe(41047);
    expect(
      (await post('get_groupmsg_send_result', { msgid: 'msgNoSuch', userid: 'lina' })).body.errcode,
    ).toBe(41047);
    expect((await post('remind_groupmsg_send', { msgid: 'msgNoSuch' })).body.errcode).toBe(41047);
    expect((await post('cancel_groupmsg_send', {})).body.errcode).toBe(41046);
  });

  it('pages the per-recipient results by cursor; a member confirming part of them sends only those', async () => {
    const customers = corp().customers.customersOf('lina').slice(0, 5);
    const msgid = await createSingle(customers);
    const at = nowSeconds() + 60;
    const sent = await confirm(msgid, 'lina', { recipients: customers.slice(0, 2), at });
    expect(sent.status).toBe(200);
    expect(sent.body.task).toMatchObject({
      userid: 'lina',
      status: 2,
      send_time: at,
      recipients: { pending: 3, sent: 2 },
    });

    const task = await post('get_groupmsg_task', { msgid });
    expect(task.body).toMatchObject({
      errcode: 0,
      next_cursor: '',
      task_list: [{ userid: 'lina', status: 2, send_time: at }],
    });

    const rows: Array<Record<string, unknown>> = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await post('get_groupmsg_send_result', { msgid, userid: 'lina', limit: 2, cursor });
      expect(page.body.errcode).toBe(0);
      rows.push(...page.body.send_list);
      cursor = page.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(rows).toEqual([
      { external_userid: customers[0], userid: 'lina', status: 1, send_time: at },
      { external_userid: customers[1], userid: 'lina', status: 1, send_time: at },
      ...customers.slice(2).map((id) => ({ external_userid: id, userid: 'lina', status: 0 })),
    ]);
    // Over the maximum: the default page (500), not an error.
    expect(
      (await post('get_groupmsg_send_result', { msgid, userid: 'lina', limit: 5000 })).body.send_list,
    ).toHaveLength(5);
    expect((await post('get_groupmsg_send_result', { msgid, userid: 'zhangwei' })).body).toMatchObject({
      errcode: 0,
      send_list: [],
    });
    expect((await post('get_groupmsg_send_result', { msgid, userid: 'nobody' })).body.errcode).toBe(40003);
    expect(
      (await post('get_groupmsg_send_result', { msgid, userid: 'lina', cursor: 'garbage' })).body.errcode,
    ).toBe(50100);
  });

  it('pages tasks of a sender-less send, one per member', async () => {
    const customers = ['lina', 'zhangwei', 'liuyang'].map((userid, i) =>
      addCustomer(`wmOnlyOneFollower00000000000000${i}`, [{ userid, createtime: 1_700_000_000 }]),
    );
    const { body } = await post('add_msg_template', { external_userid: customers, text });
    const first = await post('get_groupmsg_task', { msgid: body.msgid, limit: 2 });
    expect(first.body.task_list.map((t: { userid: string }) => t.userid)).toEqual(['lina', 'zhangwei']);
    const second = await post('get_groupmsg_task', {
      msgid: body.msgid,
      limit: 2,
      cursor: first.body.next_cursor,
    });
    expect(second.body).toMatchObject({ next_cursor: '', task_list: [{ userid: 'liuyang', status: 0 }] });
  });

  it('fails with 2 a customer who is no longer the sender’s friend when the member sends', async () => {
    const [kept, removed] = corp().customers.customersOf('lina');
    const msgid = await createSingle([kept, removed]);
    corp().customers.unfollow('lina', removed, { by: 'customer' });
    await confirm(msgid, 'lina');
    const { body } = await post('get_groupmsg_send_result', { msgid, userid: 'lina' });
    expect(body.send_list.map((r: { status: number }) => r.status)).toEqual([1, 2]);
    expect(body.send_list[1].send_time).toBeUndefined();
  });

  it('fails with 3 a customer already at the receive cap (1 a day here; by default days-in-month a month)', async () => {
    await request(sim.app)
      .put(scenario('/settings'))
      .send({ receiveCap: { period: 'day' } })
      .expect(200);
    const shared = addCustomer('wmTwoFollowers000000000000000001', [
      { userid: 'lina', createtime: 1_700_000_000 },
      { userid: 'zhangwei', createtime: 1_700_000_100 },
    ]);
    const first = await createSingle([shared], 'lina');
    const second = await createSingle([shared], 'zhangwei');
    await confirm(first, 'lina');
    await confirm(second, 'zhangwei');
    const result = await post('get_groupmsg_send_result', { msgid: second, userid: 'zhangwei' });
    expect(result.body.send_list[0]).toMatchObject({ external_userid: shared, status: 3 });

    // The next (China) day the customer can receive again.
    sim.state.clock.advance(86_400);
    token = await sim.tokenFor('externalContact');
    const third = await createSingle([shared], 'zhangwei');
    await confirm(third, 'zhangwei');
    expect(
      (await post('get_groupmsg_send_result', { msgid: third, userid: 'zhangwei' })).body.send_list[0].status,
    ).toBe(1);
  });

  it('counts the monthly cap in China time with the month’s length as the default', () => {
    // 2026-02-28 23:30 in China is 15:30 UTC; 30 minutes later it is March there.
    const lastOfFebruary = Date.UTC(2026, 1, 28, 15, 30) / 1000;
    expect(capPeriodKey('month', lastOfFebruary)).toBe('month:2026-2');
    expect(capPeriodKey('month', lastOfFebruary + 1800)).toBe('month:2026-3');
    expect(capLimit({ period: 'month' }, lastOfFebruary)).toBe(28);
    expect(capLimit({ period: 'month' }, lastOfFebruary + 1800)).toBe(31);
    expect(capLimit({ period: 'month', limit: 4 }, lastOfFebruary)).toBe(4);
    // Weeks start on Monday: 2026-12-06 is a Sunday, 12-07 a Monday (China time, noon).
    const sunday = Date.UTC(2026, 11, 6, 4) / 1000;
    expect(capPeriodKey('week', sunday)).toBe(capPeriodKey('week', sunday - 5 * 86_400));
    expect(capPeriodKey('week', sunday + 86_400)).not.toBe(capPeriodKey('week', sunday));
  });

  it('sends group tasks; a dismissed group fails with 2', async () => {
    const owned = corp()
      .groupChats.all()
      .filter((chat) => chat.owner === 'lina')
      .map((chat) => chat.chat_id);
    const { body } = await post('add_msg_template', {
      chat_type: 'group',
      sender: 'lina',
      chat_id_list: owned.slice(0, 2),
      text,
    });
    corp().groupChats.dismiss(owned[1]);
    await confirm(body.msgid, 'lina', { recipients: owned.slice(0, 2) });
    const result = await post('get_groupmsg_send_result', { msgid: body.msgid, userid: 'lina' });
    expect(result.body.send_list).toEqual([
      { chat_id: owned[0], userid: 'lina', status: 1, send_time: expect.any(Number) },
      { chat_id: owned[1], userid: 'lina', status: 2 },
    ]);
  });

  it('a member who confirms none changes nothing; unknown recipients are refused', async () => {
    const customers = corp().customers.customersOf('lina').slice(0, 2);
    const msgid = await createSingle(customers);
    expect((await confirm(msgid, 'lina', { recipients: [] })).body.task).toMatchObject({ status: 0 });
    expect((await confirm(msgid, 'lina', { recipients: ['wmNotInTask'] })).status).toBe(400);
    expect((await confirm(msgid, 'zhangwei')).status).toBe(400);
  });
});

describe('get_groupmsg_list_v2', () => {
  it('lists templates by chat_type and time window, with creator and filter_type, paged by cursor', async () => {
    const start = nowSeconds() - 10;
    const customers = corp().customers.customersOf('lina');
    const apiMade = await createSingle(customers.slice(0, 1));
    const memberMade = await request(sim.app)
      .post(scenario(''))
      .send({ creator: 'lina', external_userid: customers.slice(1, 2), text: { content: '我自己发的' } });
    expect(memberMade.status).toBe(201);
    await post('add_msg_template', { chat_type: 'group', sender: 'lina', text });
    const end = nowSeconds() + 10;

    const list = (body: object) =>
      post('get_groupmsg_list_v2', { chat_type: 'single', start_time: start, end_time: end, ...body });
    const all = await list({});
    expect(all.body.errcode).toBe(0);
    expect(all.body.group_msg_list).toEqual([
      { msgid: apiMade, create_time: expect.stringMatching(/^\d+$/), create_type: 0, text, attachments: [] },
      {
        msgid: memberMade.body.msgid,
        creator: 'lina',
        create_time: expect.any(String),
        create_type: 1,
        text: { content: '我自己发的' },
        attachments: [],
      },
    ]);
    expect(
      (await list({ filter_type: 0 })).body.group_msg_list.map((m: { msgid: string }) => m.msgid),
    ).toEqual([apiMade]);
    expect(
      (await list({ filter_type: 1 })).body.group_msg_list.map((m: { msgid: string }) => m.msgid),
    ).toEqual([memberMade.body.msgid]);
    expect((await list({ creator: 'zhangwei' })).body.group_msg_list).toEqual([]);
    const first = await list({ limit: 1 });
    expect(first.body.group_msg_list).toHaveLength(1);
    const second = await list({ limit: 1, cursor: first.body.next_cursor });
    expect(second.body).toMatchObject({
      next_cursor: '',
      group_msg_list: [{ msgid: memberMade.body.msgid }],
    });
    expect((await list({ start_time: end + 100, end_time: end + 200 })).body.group_msg_list).toEqual([]);
  });

  it('requires chat_type and a window of at most one month', async () => {
    const now = nowSeconds();
    expect((await post('get_groupmsg_list_v2', { start_time: now - 60, end_time: now })).body).toMatchObject({
      errcode: 40058,
      group_msg_list: [],
    });
    const list = (start: number, end: number) =>
      post('get_groupmsg_list_v2', { chat_type: 'single', start_time: start, end_time: end });
    // 2026-01-31 00:00 China time to 2026-02-28: within a month; to 2026-03-04: beyond it.
    const jan31 = Date.UTC(2026, 0, 30, 16) / 1000;
    expect((await list(jan31, jan31 + 28 * 86_400)).body.errcode).toBe(0);
    expect((await list(jan31, jan31 + 33 * 86_400)).body.errcode).toBe(40058);
    expect((await list(now, now - 1)).body.errcode).toBe(40058);
  });
});

describe('remind_groupmsg_send and cancel_groupmsg_send', () => {
  it('reminds the members who have not sent, at most 3 times in 24 hours', async () => {
    const customers = ['lina', 'zhangwei'].map((userid, i) =>
      addCustomer(`wmRemindCustomer000000000000000${i}`, [{ userid, createtime: 1_700_000_000 }]),
    );
    const { body } = await post('add_msg_template', { external_userid: customers, text });
    await confirm(body.msgid, 'lina');
    for (let i = 0; i < 3; i += 1)
      expect((await post('remind_groupmsg_send', { msgid: body.msgid })).body.errcode).toBe(0);
    expect((await post('remind_groupmsg_send', { msgid: body.msgid })).body.errcode).toBe(40058);
    const template = (await request(sim.app).get(scenario(`/${body.msgid}`))).body.template;
    expect(template.reminders).toHaveLength(3);
    expect(template.reminders[0].userids).toEqual(['zhangwei']);
    sim.state.clock.advance(86_400);
    token = await sim.tokenFor('externalContact');
    expect((await post('remind_groupmsg_send', { msgid: body.msgid })).body.errcode).toBe(0);
  });

  it('cancel stops what is pending; what was sent stays sent', async () => {
    const customers = corp().customers.customersOf('lina').slice(0, 3);
    const msgid = await createSingle(customers);
    await confirm(msgid, 'lina', { recipients: [customers[0]] });
    expect((await post('cancel_groupmsg_send', { msgid })).body.errcode).toBe(0);
    expect((await post('cancel_groupmsg_send', { msgid })).body.errcode).toBe(0);
    expect((await confirm(msgid, 'lina')).status).toBe(409);
    const { body } = await post('get_groupmsg_send_result', { msgid, userid: 'lina' });
    expect(body.send_list.map((r: { status: number }) => r.status)).toEqual([1, 0, 0]);
    const listed = await request(sim.app).get(scenario('?sender=lina'));
    expect(listed.body.templates[0].canceled_at).toEqual(expect.any(Number));
  });
});
