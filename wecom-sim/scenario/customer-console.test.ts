import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import { demoCustomerSeed } from '../seed/demo-customers';
import {
  productLikeAnswer,
  startCallbackReceiver,
  type CallbackReceiver,
} from '../test-support/callback-receiver';
import { readEventDelivery } from '../test-support/event-reader';
import { createHarness, TEST_CALLBACK_KEYS, type SimHarness } from '../test-support/sim-harness';

const CORP = `/sim/corps/${DEMO_CORP_ID}`;

let sim: SimHarness;
let receiver: CallbackReceiver;

beforeEach(async () => {
  sim = createHarness();
  receiver = await startCallbackReceiver((req) => productLikeAnswer(TEST_CALLBACK_KEYS, req));
  await request(sim.app)
    .put(`${CORP}/callbacks/customers`)
    .send({ url: receiver.url, ...TEST_CALLBACK_KEYS })
    .expect(200);
});

afterEach(async () => {
  await receiver.close();
});

function receivedEvents(): Array<Record<string, unknown>> {
  return receiver.requests
    .filter((req) => req.method === 'POST')
    .map((req) => readEventDelivery(TEST_CALLBACK_KEYS, req).event);
}

const ENVELOPE = { ToUserName: DEMO_CORP_ID, FromUserName: 'sys', MsgType: 'event' };

describe('customers in the client emit change_external_contact to the customers callback', () => {
  it('a member adding a new customer: add_external_contact with State and WelcomeCode', async () => {
    const added = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ name: '新客户', userid: 'lina', state: 'expo2026', add_way: 1 });
    expect(added.status).toBe(201);
    const id = added.body.customer.external_userid as string;
    expect(id).toMatch(/^wm[\w-]{30}$/);
    expect(added.body.delivery).toMatchObject({ status: 'delivered', target: 'customers' });
    const [event] = receivedEvents();
    expect(event).toMatchObject({
      ...ENVELOPE,
      Event: 'change_external_contact',
      ChangeType: 'add_external_contact',
      UserID: 'lina',
      ExternalUserID: id,
      State: 'expo2026',
      WelcomeCode: expect.any(String),
    });
  });

  it('no WelcomeCode when the admin set a welcome message; re-adding an existing relation is refused', async () => {
    const customer = demoCustomerSeed.customers[0];
    const another = ['zhangwei', 'lina', 'liuyang'].find(
      (u) => !customer.follows.some((f) => f.userid === u),
    )!;
    const added = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ external_userid: customer.contact.external_userid, userid: another, welcome_code: false });
    expect(added.status).toBe(201);
    expect(receivedEvents()[0]).not.toHaveProperty('WelcomeCode');
    const again = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ external_userid: customer.contact.external_userid, userid: another });
    expect(again.status).toBe(409);
  });

  it('a half add is no relation for the API until the member accepts', async () => {
    const added = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ name: '半客户', userid: 'lina', half: true });
    const id = added.body.customer.external_userid as string;
    const corp = sim.state.corp(DEMO_CORP_ID)!;
    expect(corp.customers.hasRelation('lina', id)).toBe(false);
    await request(sim.app).post(`${CORP}/customers/${id}/followers/lina/accept`).expect(200);
    expect(corp.customers.hasRelation('lina', id)).toBe(true);
    expect(receivedEvents().map((e) => e.ChangeType)).toEqual([
      'add_half_external_contact',
      'add_external_contact',
    ]);
  });

  it('edits announce edit_external_contact, but not a remark-mobiles-only edit', async () => {
    const corp = sim.state.corp(DEMO_CORP_ID)!;
    const id = corp.customers.customersOf('lina')[0];
    const tagId = corp.corpTags.list()[0].tag[0].id;
    await request(sim.app)
      .patch(`${CORP}/customers/${id}/followers/lina`)
      .send({ remark: '重点客户', add_tag: [tagId] })
      .expect(200);
    const mobiles = await request(sim.app)
      .patch(`${CORP}/customers/${id}/followers/lina`)
      .send({ remark_mobiles: ['13900000000'] });
    expect(mobiles.body.delivery).toBeNull();
    expect(receivedEvents()).toEqual([
      expect.objectContaining({ ChangeType: 'edit_external_contact', UserID: 'lina', ExternalUserID: id }),
    ]);
    expect(corp.customers.relation('lina', id).tag_ids).toContain(tagId);
  });

  it('deleting either way: del_external_contact by the member, del_follow_user by the customer', async () => {
    const corp = sim.state.corp(DEMO_CORP_ID)!;
    const [first, second] = corp.customers.customersOf('lina');
    await request(sim.app).delete(`${CORP}/customers/${first}/followers/lina`).expect(200);
    await request(sim.app).delete(`${CORP}/customers/${second}/followers/lina?by=customer`).expect(200);
    expect(receivedEvents().map((e) => [e.ChangeType, e.ExternalUserID])).toEqual([
      ['del_external_contact', first],
      ['del_follow_user', second],
    ]);
    expect(corp.customers.hasRelation('lina', first)).toBe(false);
    expect(corp.customers.has(first)).toBe(true);
  });

  it('activity dated in the past (`at`) is announced with that CreateTime and recorded at that time', async () => {
    const at = sim.state.clock.nowSeconds() - 3 * 86_400;
    const added = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ name: '上月客户', userid: 'lina', at })
      .expect(201);
    const id = added.body.customer.external_userid as string;
    await request(sim.app)
      .delete(`${CORP}/customers/${id}/followers/lina?by=customer&at=${at + 60}`)
      .expect(200);
    const chat = await request(sim.app)
      .post(`${CORP}/group-chats`)
      .send({ owner: 'lina', at: at + 120 })
      .expect(201);
    await request(sim.app)
      .delete(`${CORP}/group-chats/${chat.body.group_chat.chat_id}?at=${at + 180}`)
      .expect(200);
    expect(receivedEvents().map((e) => [e.ChangeType, Number(e.CreateTime)])).toEqual([
      ['add_external_contact', at],
      ['del_follow_user', at + 60],
      ['create', at + 120],
      ['dismiss', at + 180],
    ]);
    const corp = sim.state.corp(DEMO_CORP_ID)!;
    expect(corp.customers.relationHistory().filter((e) => e.external_userid === id)).toEqual([
      { kind: 'added', userid: 'lina', external_userid: id, at },
      { kind: 'deleted_by_customer', userid: 'lina', external_userid: id, at: at + 60 },
    ]);
  });
});

describe('customer groups emit change_external_chat', () => {
  it('create, join by QR, leave, rename, change owner, dismiss', async () => {
    const corp = sim.state.corp(DEMO_CORP_ID)!;
    const [a, b] = corp.customers.customersOf('lina');
    const created = await request(sim.app)
      .post(`${CORP}/group-chats`)
      .send({ name: '新群', owner: 'lina', members: [{ userid: a }, { userid: 'liuyang' }] });
    expect(created.status).toBe(201);
    const chatId = created.body.group_chat.chat_id as string;
    const versionBefore = created.body.group_chat.member_version as string;

    const joined = await request(sim.app)
      .post(`${CORP}/group-chats/${chatId}/members`)
      .send({ members: [{ userid: b, join_scene: 3 }] });
    await request(sim.app)
      .delete(`${CORP}/group-chats/${chatId}/members`)
      .send({ userids: [a], quit_scene: 1 })
      .expect(200);
    await request(sim.app).patch(`${CORP}/group-chats/${chatId}`).send({ name: '改名群' }).expect(200);
    await request(sim.app).patch(`${CORP}/group-chats/${chatId}`).send({ owner: 'liuyang' }).expect(200);
    await request(sim.app).delete(`${CORP}/group-chats/${chatId}`).expect(200);

    const events = receivedEvents();
    expect(events[0]).toMatchObject({
      ...ENVELOPE,
      Event: 'change_external_chat',
      ChangeType: 'create',
      ChatId: chatId,
    });
    expect(events[1]).toMatchObject({
      ChangeType: 'update',
      UpdateDetail: 'add_member',
      JoinScene: '3',
      MemChangeCnt: '1',
      MemChangeList: { Item: [b] },
      LastMemVer: versionBefore,
      CurMemVer: joined.body.group_chat.member_version,
    });
    expect(events[2]).toMatchObject({
      UpdateDetail: 'del_member',
      QuitScene: '1',
      MemChangeList: { Item: [a] },
    });
    expect(events.slice(3).map((e) => e.UpdateDetail ?? e.ChangeType)).toEqual([
      'change_name',
      'change_owner',
      'dismiss',
    ]);
    expect(corp.groupChats.size).toBe(100);
  });

  it('refuses an owner leaving and an owner change to a customer', async () => {
    const chat = demoCustomerSeed.groups[0];
    const leave = await request(sim.app)
      .delete(`${CORP}/group-chats/${chat.chat_id}/members`)
      .send({ userids: [chat.owner] });
    expect(leave.status).toBe(400);
    const toCustomer = await request(sim.app)
      .patch(`${CORP}/group-chats/${chat.chat_id}`)
      .send({ owner: chat.customerIds[0] });
    expect(toCustomer.status).toBeGreaterThanOrEqual(400);
  });
});

describe('corp tags in the console emit change_external_tag', () => {
  it('a new group is one tag_group create; tags in an existing group are tag creates; update and delete', async () => {
    const group = await request(sim.app)
      .post(`${CORP}/corp-tags`)
      .send({ group_name: '会员等级', tag: [{ name: '金卡' }] });
    expect(group.status).toBe(201);
    const groupId = group.body.tag_group.group_id as string;
    const tag = await request(sim.app)
      .post(`${CORP}/corp-tags`)
      .send({ group_id: groupId, tag: [{ name: '银卡' }] });
    const tagId = tag.body.tag_group.tag[0].id as string;
    await request(sim.app).patch(`${CORP}/corp-tags/${tagId}`).send({ name: '铂金卡' }).expect(200);
    await request(sim.app).delete(`${CORP}/corp-tags/${groupId}`).expect(200);
    expect(receivedEvents().map((e) => [e.ChangeType, e.TagType, e.Id])).toEqual([
      ['create', 'tag_group', groupId],
      ['create', 'tag', tagId],
      ['update', 'tag', tagId],
      ['delete', 'tag_group', groupId],
    ]);
  });
});

describe('app messages', () => {
  it('lists what a member received', async () => {
    const response = await request(sim.app).get(`${CORP}/app-messages?touser=lina`);
    expect(response.body).toEqual({ messages: [] });
  });
});
