import { decrypt, getSignature } from '@wecom/crypto';
import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import {
  productLikeAnswer,
  startCallbackReceiver,
  type Answerer,
  type CallbackReceiver,
} from '../test-support/callback-receiver';
import { createHarness, TEST_CALLBACK_KEYS, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let receiver: CallbackReceiver | undefined;

beforeEach(() => {
  sim = createHarness({ verificationTimeoutMs: 300 });
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function configureWith(answer: Answerer) {
  receiver = await startCallbackReceiver(answer);
  return request(sim.app)
    .put(`/sim/corps/${DEMO_CORP_ID}/callbacks/contacts`)
    .send({ url: receiver.url, ...TEST_CALLBACK_KEYS });
}

describe('callback URL verification', () => {
  it('saves the settings when the receiver answers the decrypted echostr', async () => {
    const response = await configureWith((req) => productLikeAnswer(TEST_CALLBACK_KEYS, req));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      verified: true,
      callback: { url: receiver?.url, ...TEST_CALLBACK_KEYS, memberEventFields: 'all' },
    });
    const corp = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}`);
    expect(corp.body.callbacks.contacts.url).toBe(receiver?.url);
  });

  it('sends a GET signed over the URL-decoded echostr, whose plaintext is a digit string for this corp', async () => {
    await configureWith((req) => productLikeAnswer(TEST_CALLBACK_KEYS, req));
    const [verification] = receiver?.requests ?? [];
    expect(verification.method).toBe('GET');
    expect(verification.url.pathname).toBe('/wecom/callback');
    const params = verification.url.searchParams;
    const echostr = params.get('echostr') ?? '';
    const rawEchostr = /[?&]echostr=([^&]*)/.exec(verification.url.search)?.[1];
    expect(rawEchostr).not.toMatch(/[+/=]/); // the base64 arrives URL-encoded
    expect(decodeURIComponent(rawEchostr ?? '')).toBe(echostr);
    expect(params.get('timestamp')).toMatch(/^\d{10}$/);
    expect(params.get('nonce')).toMatch(/^\d+$/);
    expect(params.get('msg_signature')).toBe(
      getSignature(
        TEST_CALLBACK_KEYS.token,
        params.get('timestamp') ?? '',
        params.get('nonce') ?? '',
        echostr,
      ),
    );
    const decrypted = decrypt(TEST_CALLBACK_KEYS.encodingAesKey, echostr);
    expect(decrypted.id).toBe(DEMO_CORP_ID);
    expect(decrypted.message).toMatch(/^\d+$/);
  });

  it.each([
    ['wrapped in quotes', (plaintext: string) => JSON.stringify(plaintext)],
    ['followed by a newline', (plaintext: string) => `${plaintext}\n`],
    ['replaced by "success"', () => 'success'],
  ])('refuses an answer %s and keeps no settings', async (_case, distort) => {
    const response = await configureWith((req) => {
      const correct = productLikeAnswer(TEST_CALLBACK_KEYS, req);
      return { status: 200, body: distort(correct.body ?? '') };
    });
    expect(response.status).toBe(400);
    expect(response.body.verified).toBe(false);
    expect(response.body.error).toMatch(/is not the decrypted echostr/);
    const corp = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}`);
    expect(corp.body.callbacks.contacts).toBeNull();
  });

  it('refuses a receiver that answers with an HTTP error', async () => {
    const response = await configureWith(() => ({ status: 500, body: 'boom' }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ verified: false, response: { status: 500, body: 'boom' } });
    expect(response.body.error).toMatch(/HTTP 500/);
  });

  it('refuses a receiver that answers too late', async () => {
    const response = await configureWith((req) => ({
      ...productLikeAnswer(TEST_CALLBACK_KEYS, req),
      delayMs: 1000,
    }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/no complete answer within 300 ms/);
  });

  it('refuses a URL nobody listens on', async () => {
    const closed = await startCallbackReceiver(() => ({ status: 200 }));
    await closed.close();
    const response = await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/callbacks/contacts`)
      .send({ url: closed.url, ...TEST_CALLBACK_KEYS });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/failed/);
  });

  it.each([
    ['an EncodingAESKey of the wrong length', { encodingAesKey: 'short' }],
    ['a token with symbols', { token: 'bad-token!' }],
    ['a URL that is not http(s)', { url: 'ftp://example.com/callback' }],
    ['an unknown field', { extra: true }],
  ])('answers 400 without calling anyone for %s', async (_case, override) => {
    const response = await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/callbacks/contacts`)
      .send({ url: 'http://127.0.0.1:9/callback', ...TEST_CALLBACK_KEYS, ...override });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^invalid body/);
  });
});
