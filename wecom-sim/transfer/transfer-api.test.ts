import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import {
  productLikeAnswer,
  startCallbackReceiver,
  type CallbackReceiver,
} from '../test-support/callback-receiver';
import { readEventDelivery } from '../test-support/event-reader';
import { createHarness, TEST_CALLBACK_KEYS, type SimHarness } from '../test-support/sim-harness';
import { TAKEOVER_DELAY_SECONDS } from './customer-transfers';

const CORP = `/sim/corps/${DEMO_CORP_ID}`;
let sim: SimHarness;
let token: string;
let receiver: CallbackReceiver;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
  receiver = await startCallbackReceiver((req) => productLikeAnswer(TEST_CALLBACK_KEYS, req));
  await request(sim.app)
    .put(`${CORP}/callbacks/customers`)
    .send({ url: receiver.url, ...TEST_CALLBACK_KEYS })
    .expect(200);
});

afterEach(async () => {
  await receiver.close();
});

const corp = () => sim.state.corp(DEMO_CORP_ID)!;
const post = async (api: string, body: unknown) =>
  (
    await request(sim.app)
      .post(`/cgi-bin/externalcontact/${api}`)
      .query({ access_token: token })
      .send(body as object)
  ).body;
const customersOf = (userid: string) => corp().customers.customersOf(userid);
/** Moves the simulator's clock; the access token would expire on the way, so a fresh one is fetched. */
const advance = async (seconds: number) => {
  await request(sim.app).post('/sim/clock/advance').send({ seconds }).expect(200);
  token = await sim.tokenFor('externalContact');
};
const events = () =>
  receiver.requests
    .filter((req) => req.method === 'POST')
    .map((req) => readEventDelivery(TEST_CALLBACK_KEYS, req).event);

describe('a resigned member (离职)', () => {
  it('leaves the address book but keeps customers and groups, which get_unassigned_list and groupchat/list show', async () => {
    const customers = customersOf('chenjing');
    expect(customers.length).toBeGreaterThan(0);
    const resigned = await request(sim.app).post(`${CORP}/users/chenjing/resign`).send({}).expect(200);
    expect(resigned.body.customers).toEqual(customers);

    const user = await request(sim.app)
      .get('/cgi-bin/user/get')
      .query({ access_token: token, userid: 'chenjing' });
    expect(user.body.errcode).not.toBe(0);
    const unassigned = await post('get_unassigned_list', { page_size: 1000 });
    const mine = unassigned.info.filter(
      (row: { handover_userid: string }) => row.handover_userid === 'chenjing',
    );
    expect(mine.map((row: { external_userid: string }) => row.external_userid)).toEqual(customers);
    expect(mine[0].dimission_time).toBe(resigned.body.resignation.dimission_time);
    expect(unassigned.is_last).toBe(true);

    const groups = await post('groupchat/list', {
      limit: 1000,
      status_filter: 1,
      owner_filter: { userid_list: ['chenjing'] },
    });
    expect(groups.group_chat_list.map((g: { chat_id: string }) => g.chat_id).sort()).toEqual(
      [...resigned.body.groups].sort(),
    );
  });

  it('get_unassigned_list pages with a cursor', async () => {
    await request(sim.app).post(`${CORP}/users/chenjing/resign`).send({}).expect(200);
    const first = await post('get_unassigned_list', { page_size: 1 });
    expect(first.info).toHaveLength(1);
    expect(first.is_last).toBe(false);
    const second = await post('get_unassigned_list', { page_size: 1, cursor: first.next_cursor });
    expect(second.info[0].external_userid).not.toBe(first.info[0].external_userid);
    expect((await post('get_unassigned_list', { page_size: 1001 })).errcode).toBe(40058);
  });
});

describe('resigned/transfer_customer', () => {
  it('refuses a handover member who has not resigned (40097) and checks each customer (40096, 40131)', async () => {
    const [customer] = customersOf('chenjing');
    const notResigned = await post('resigned/transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'yanglei',
      external_userid: [customer],
    });
    expect(notResigned.errcode).toBe(40097);

    await request(sim.app).post(`${CORP}/users/chenjing/resign`).send({}).expect(200);
    const yangleiOnly = customersOf('yanglei').find((id) => !customersOf('chenjing').includes(id))!;
    const started = await post('resigned/transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'yanglei',
      external_userid: [customer, 'wmUNKNOWN', yangleiOnly],
    });
    expect(started.errcode).toBe(0);
    expect(started.customer).toEqual([
      { external_userid: customer, errcode: 0 },
      { external_userid: 'wmUNKNOWN', errcode: 40096 },
      { external_userid: yangleiOnly, errcode: 40131 },
    ]);
  });

  it('takes 24 h on the clock; then the successor follows the customer and add_external_contact is sent', async () => {
    const [customer] = customersOf('chenjing');
    await request(sim.app).post(`${CORP}/users/chenjing/resign`).send({}).expect(200);
    await post('resigned/transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'huangtao',
      external_userid: [customer],
    });
    const waiting = await post('resigned/transfer_result', {
      handover_userid: 'chenjing',
      takeover_userid: 'huangtao',
    });
    const startedAt = sim.state.clock.nowSeconds();
    expect(waiting.customer).toEqual([
      { external_userid: customer, status: 2, takeover_time: expect.any(Number) },
    ]);
    expect(waiting.customer[0].takeover_time - startedAt).toBeGreaterThanOrEqual(TAKEOVER_DELAY_SECONDS - 1);
    // A waiting customer is no longer unassigned, and cannot be transferred again.
    const unassigned = await post('get_unassigned_list', {});
    expect(unassigned.info.map((r: { external_userid: string }) => r.external_userid)).not.toContain(
      customer,
    );
    const again = await post('resigned/transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'yanglei',
      external_userid: [customer],
    });
    expect(again.customer[0].errcode).toBe(40129);

    await advance(TAKEOVER_DELAY_SECONDS);
    const done = await post('resigned/transfer_result', {
      handover_userid: 'chenjing',
      takeover_userid: 'huangtao',
    });
    expect(done.customer[0].status).toBe(1);
    expect(customersOf('huangtao')).toContain(customer);
    expect(customersOf('chenjing')).not.toContain(customer);
    await waitFor(() => events().length >= 1);
    expect(events()).toEqual([
      expect.objectContaining({
        Event: 'change_external_contact',
        ChangeType: 'add_external_contact',
        UserID: 'huangtao',
        ExternalUserID: customer,
      }),
    ]);
  });

  it('groupchat/transfer hands a resigned owner’s group over at once, and refuses other groups (90500, 90501)', async () => {
    const resigned = await request(sim.app).post(`${CORP}/users/chenjing/resign`).send({}).expect(200);
    const [chatId] = resigned.body.groups as string[];
    const otherChat = corp()
      .groupChats.all()
      .find((chat) => chat.owner !== 'chenjing')!.chat_id;
    const answer = await post('groupchat/transfer', {
      chat_id_list: [chatId, otherChat, 'wrNOPE'],
      new_owner: 'yanglei',
    });
    expect(answer.errcode).toBe(0);
    expect(answer.failed_chat_list).toEqual([
      { chat_id: otherChat, errcode: 90500, errmsg: expect.any(String) },
      { chat_id: 'wrNOPE', errcode: 90501, errmsg: expect.any(String) },
    ]);
    expect(corp().groupChats.get(chatId)).toMatchObject({ owner: 'yanglei', status: 3 });
    expect((await post('groupchat/transfer', { chat_id_list: [], new_owner: 'yanglei' })).errcode).toBe(
      40058,
    );
  });
});

describe('transfer_customer (在职继承)', () => {
  it('checks the batch: ≤100 customers, message ≤200, same member (40130)', async () => {
    const [customer] = customersOf('chenjing');
    const base = { handover_userid: 'chenjing', takeover_userid: 'yanglei' };
    expect((await post('transfer_customer', { ...base, external_userid: [] })).errcode).toBe(41035);
    const tooMany = Array.from({ length: 101 }, (_, i) => `wm${i}`);
    expect((await post('transfer_customer', { ...base, external_userid: tooMany })).errcode).toBe(40058);
    const longMessage = '好'.repeat(201);
    const tooLong = await post('transfer_customer', {
      ...base,
      external_userid: [customer],
      transfer_success_msg: longMessage,
    });
    expect(tooLong.errcode).toBe(40058);
    const same = await post('transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'chenjing',
      external_userid: [customer],
    });
    expect(same.errcode).toBe(40130);
    const ok = await post('transfer_customer', {
      ...base,
      external_userid: [customer],
      transfer_success_msg: '好'.repeat(200),
    });
    expect(ok.customer).toEqual([{ external_userid: customer, errcode: 0 }]);
  });

  it('moves the customer after 24 h: del_external_contact with DELETE_BY_TRANSFER, then add for the successor', async () => {
    const [customer] = customersOf('chenjing');
    await post('transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'yanglei',
      external_userid: [customer],
    });
    await advance(TAKEOVER_DELAY_SECONDS - 60);
    expect(
      (await post('transfer_result', { handover_userid: 'chenjing', takeover_userid: 'yanglei' })).customer[0]
        .status,
    ).toBe(2);
    await advance(60);
    const result = await post('transfer_result', { handover_userid: 'chenjing', takeover_userid: 'yanglei' });
    expect(result.customer[0].status).toBe(1);
    await waitFor(() => events().length >= 2);
    expect(events()).toEqual([
      expect.objectContaining({
        ChangeType: 'del_external_contact',
        UserID: 'chenjing',
        ExternalUserID: customer,
        Source: 'DELETE_BY_TRANSFER',
      }),
      expect.objectContaining({
        ChangeType: 'add_external_contact',
        UserID: 'yanglei',
        ExternalUserID: customer,
      }),
    ]);
  });

  it('a refusing customer ends as 3 and a full successor as 4, each with transfer_fail', async () => {
    const [refuser, second] = customersOf('chenjing').filter((id) => !customersOf('yanglei').includes(id));
    await request(sim.app)
      .put(`${CORP}/transfers/refusals`)
      .send({ external_userid: refuser, refuses: true })
      .expect(200);
    await request(sim.app)
      .put(`${CORP}/transfers/customer-limits`)
      .send({ userid: 'yanglei', limit: customersOf('yanglei').length })
      .expect(200);
    await post('transfer_customer', {
      handover_userid: 'chenjing',
      takeover_userid: 'yanglei',
      external_userid: [refuser, second],
    });
    const settled = await request(sim.app)
      .post(`${CORP}/transfers/settle`)
      .send({ advanceSeconds: TAKEOVER_DELAY_SECONDS })
      .expect(200);
    token = await sim.tokenFor('externalContact');
    expect(settled.body.deliveries).toHaveLength(2);
    const result = await post('transfer_result', { handover_userid: 'chenjing', takeover_userid: 'yanglei' });
    expect(result.customer.map((c: { status: number }) => c.status)).toEqual([3, 4]);
    expect(customersOf('chenjing')).toEqual(expect.arrayContaining([refuser, second]));
    expect(events()).toEqual([
      expect.objectContaining({
        ChangeType: 'transfer_fail',
        UserID: 'yanglei',
        ExternalUserID: refuser,
        FailReason: 'customer_refused',
      }),
      expect.objectContaining({
        ChangeType: 'transfer_fail',
        UserID: 'yanglei',
        ExternalUserID: second,
        FailReason: 'customer_limit_exceed',
      }),
    ]);
  });

  it('allows 2 transfers per customer within 90 days (40128), a third after the window', async () => {
    const [customer] = customersOf('chenjing').filter((id) => !customersOf('yanglei').includes(id));
    const hop = async (from: string, to: string) => {
      const answer = await post('transfer_customer', {
        handover_userid: from,
        takeover_userid: to,
        external_userid: [customer],
      });
      await advance(TAKEOVER_DELAY_SECONDS);
      return answer.customer[0].errcode as number;
    };
    expect(await hop('chenjing', 'yanglei')).toBe(0);
    expect(await hop('yanglei', 'chenjing')).toBe(0);
    expect(await hop('chenjing', 'yanglei')).toBe(40128);
    await advance(90 * 24 * 3600);
    expect(await hop('chenjing', 'yanglei')).toBe(0);
  });

  it('groupchat/onjob_transfer refuses a resigned owner’s group (90502) and an unchanged owner (90504)', async () => {
    const chats = corp().groupChats.all();
    const lina = chats.find((chat) => chat.owner === 'chenjing')!;
    const answer = await post('groupchat/onjob_transfer', {
      chat_id_list: [lina.chat_id],
      new_owner: 'chenjing',
    });
    expect(answer.failed_chat_list[0].errcode).toBe(90504);
    expect(
      (await post('groupchat/onjob_transfer', { chat_id_list: [lina.chat_id], new_owner: 'yanglei' }))
        .failed_chat_list,
    ).toEqual([]);
    expect(corp().groupChats.get(lina.chat_id).owner).toBe('yanglei');
    await request(sim.app).post(`${CORP}/users/yanglei/resign`).send({}).expect(200);
    const resignedOwner = await post('groupchat/onjob_transfer', {
      chat_id_list: [lina.chat_id],
      new_owner: 'huangtao',
    });
    expect(resignedOwner.failed_chat_list[0].errcode).toBe(90502);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}
