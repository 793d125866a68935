import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
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

describe('group join QR codes of simulated customer groups', () => {
  it('serves a PNG QR per group, and a scan of it joins the customer with JoinScene 3', async () => {
    const chats = await request(sim.app).get(`${CORP}/group-chats`).expect(200);
    const chat = chats.body.group_chats[0] as { chat_id: string; member_list: Array<{ userid: string }> };
    const png = await request(sim.app)
      .get(`${CORP}/group-chats/${chat.chat_id}/join-qr.png`)
      .buffer(true)
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');

    const customer = await request(sim.app)
      .post(`${CORP}/customers`)
      .send({ name: '扫码客户', userid: 'lina' })
      .expect(201);
    const externalUserid = customer.body.customer.external_userid as string;
    receiver.requests.length = 0;
    const joined = await request(sim.app)
      .post(`${CORP}/group-chats/${chat.chat_id}/join`)
      .send({ external_userid: externalUserid })
      .expect(200);
    const member = joined.body.group_chat.member_list.find(
      (m: { userid: string }) => m.userid === externalUserid,
    );
    expect(member).toMatchObject({ type: 2, join_scene: 3 });
    const events = receiver.requests
      .filter((req) => req.method === 'POST')
      .map((req) => readEventDelivery(TEST_CALLBACK_KEYS, req).event);
    expect(events).toEqual([
      expect.objectContaining({
        Event: 'change_external_chat',
        ChangeType: 'update',
        UpdateDetail: 'add_member',
        ChatId: chat.chat_id,
        JoinScene: '3',
        MemChangeCnt: '1',
      }),
    ]);

    // Scanning again as a member announces nothing.
    const again = await request(sim.app)
      .post(`${CORP}/group-chats/${chat.chat_id}/join`)
      .send({ external_userid: externalUserid })
      .expect(200);
    expect(again.body.delivery).toBeNull();
  });

  it('refuses an unknown group or customer', async () => {
    await request(sim.app).get(`${CORP}/group-chats/wrnope/join-qr.png`).expect(400);
    const chats = await request(sim.app).get(`${CORP}/group-chats`).expect(200);
    await request(sim.app)
      .post(`${CORP}/group-chats/${chats.body.group_chats[0].chat_id}/join`)
      .send({ external_userid: 'wmnobody' })
      .expect(404);
  });
});
