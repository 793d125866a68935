import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import {
  productLikeAnswer,
  startCallbackReceiver,
  type ReceivedRequest,
  type ScriptedAnswer,
  type CallbackReceiver,
} from '../test-support/callback-receiver';
import { readEventDelivery } from '../test-support/event-reader';
import { createHarness, TEST_CALLBACK_KEYS, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let receiver: CallbackReceiver | undefined;

beforeEach(() => {
  sim = createHarness({ delivery: { attemptTimeoutMs: 200, retryBackoffMs: [5, 5] } });
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Configures the callback with a receiver that verifies correctly, then answers events as scripted. */
async function receiveEventsWith(
  answerEvent: (request: ReceivedRequest, eventIndex: number) => ScriptedAnswer,
) {
  let events = 0;
  receiver = await startCallbackReceiver((req) =>
    req.method === 'GET' ? productLikeAnswer(TEST_CALLBACK_KEYS, req) : answerEvent(req, events++),
  );
  await request(sim.app)
    .put(`/sim/corps/${DEMO_CORP_ID}/callbacks/contacts`)
    .send({ url: receiver.url, ...TEST_CALLBACK_KEYS })
    .expect(200);
  return receiver;
}

function eventRequests(): ReceivedRequest[] {
  return (receiver?.requests ?? []).filter((req) => req.method === 'POST');
}

function deleteAMember() {
  return request(sim.app).delete(`/sim/corps/${DEMO_CORP_ID}/users/xieyun`);
}

describe('event delivery', () => {
  it('POSTs the encrypted envelope with msg_signature, timestamp and nonce', async () => {
    await receiveEventsWith(() => ({ status: 200, body: 'success' }));
    await deleteAMember().expect(200);

    const [delivery] = eventRequests();
    expect(delivery.url.searchParams.get('timestamp')).toMatch(/^\d{10}$/);
    expect(delivery.url.searchParams.get('nonce')).toMatch(/^\d+$/);
    expect(delivery.body).toMatch(
      /^<xml><ToUserName><!\[CDATA\[ww[0-9a-f]{16}\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><AgentID><!\[CDATA\[\]\]><\/AgentID><\/xml>$/,
    );
    const read = readEventDelivery(TEST_CALLBACK_KEYS, delivery);
    expect(read.envelope.ToUserName).toBe(DEMO_CORP_ID);
    expect(read.receiveId).toBe(DEMO_CORP_ID);
    expect(read.event).toMatchObject({
      ToUserName: DEMO_CORP_ID,
      Event: 'change_contact',
      ChangeType: 'delete_user',
    });
  });

  it('retries a failing receiver: fails twice, then succeeds on the third attempt', async () => {
    await receiveEventsWith((_req, index) => (index < 2 ? { status: 503, body: 'busy' } : { status: 200 }));
    const response = await deleteAMember().expect(200);

    expect(response.body.delivery).toMatchObject({
      status: 'delivered',
      changeType: 'delete_user',
      attempts: [{ statusCode: 503 }, { statusCode: 503 }, { statusCode: 200 }],
    });
    expect(eventRequests()).toHaveLength(3);
    const deliveries = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}/callbacks/deliveries`);
    expect(deliveries.body.deliveries).toHaveLength(1);
    expect(
      deliveries.body.deliveries[0].attempts.map((attempt: { attempt: number }) => attempt.attempt),
    ).toEqual([1, 2, 3]);
  });

  it('resends the identical request on retry', async () => {
    await receiveEventsWith((_req, index) => (index === 0 ? { status: 500 } : { status: 200 }));
    await deleteAMember().expect(200);
    const [first, second] = eventRequests();
    expect(second.url.search).toBe(first.url.search);
    expect(second.body).toBe(first.body);
  });

  it('gives up after 3 attempts when the receiver always fails', async () => {
    await receiveEventsWith(() => ({ status: 500 }));
    const response = await deleteAMember().expect(200);
    expect(response.body.delivery).toMatchObject({
      status: 'failed',
      attempts: [{ statusCode: 500 }, { statusCode: 500 }, { statusCode: 500 }],
    });
    expect(eventRequests()).toHaveLength(3);
  });

  it('counts a non-200 success code as a failure', async () => {
    await receiveEventsWith((_req, index) => (index === 0 ? { status: 204 } : { status: 200 }));
    const response = await deleteAMember().expect(200);
    expect(
      response.body.delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode),
    ).toEqual([204, 200]);
  });

  it('counts a receiver slower than the timeout as a failed attempt', async () => {
    await receiveEventsWith((_req, index) => (index === 0 ? { status: 200, delayMs: 500 } : { status: 200 }));
    const response = await deleteAMember().expect(200);
    expect(response.body.delivery.status).toBe('delivered');
    expect(response.body.delivery.attempts[0]).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/200 ms/),
    });
    expect(response.body.delivery.attempts[1]).toMatchObject({ statusCode: 200 });
  });

  it('delivers in the background with ?async=1, the record pending at first', async () => {
    await receiveEventsWith(() => ({ status: 200, delayMs: 50 }));
    const response = await request(sim.app)
      .delete(`/sim/corps/${DEMO_CORP_ID}/users/xieyun`)
      .query({ async: '1' });
    expect(response.body.delivery).toMatchObject({ status: 'pending', attempts: [] });

    let status = 'pending';
    for (let poll = 0; poll < 50 && status === 'pending'; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const log = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}/callbacks/deliveries`);
      status = log.body.deliveries[0].status;
    }
    expect(status).toBe('delivered');
  });

  it('replays a delivered event: same decrypted event, fresh encryption, logged as a replay', async () => {
    await receiveEventsWith(() => ({ status: 200 }));
    const original = (await deleteAMember()).body.delivery;
    const replay = await request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/callbacks/replay/${original.id}`);

    expect(replay.status).toBe(200);
    expect(replay.body.delivery).toMatchObject({
      status: 'delivered',
      replayOf: original.id,
      changeType: 'delete_user',
    });
    expect(replay.body.delivery.id).not.toBe(original.id);
    const [first, second] = eventRequests();
    expect(second.body).not.toBe(first.body);
    expect(readEventDelivery(TEST_CALLBACK_KEYS, second).plaintext).toBe(
      readEventDelivery(TEST_CALLBACK_KEYS, first).plaintext,
    );
  });

  it('answers 404 when replaying an unknown delivery', async () => {
    await receiveEventsWith(() => ({ status: 200 }));
    expect((await request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/callbacks/replay/dlv-99`)).status).toBe(
      404,
    );
  });

  it('sends nothing, and says so, when no callback is configured', async () => {
    const response = await deleteAMember().expect(200);
    expect(response.body.delivery).toBeNull();
    const log = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}/callbacks/deliveries`);
    expect(log.body.deliveries).toEqual([]);
  });
});
