import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import request from 'supertest';
import { DEMO_ARCHIVE_SECRET, DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
beforeEach(() => {
  sim = createHarness();
});

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });

/** PKCS#1 v1.5 by hand (Node 20 refuses it in privateDecrypt): 00 02 <non-zero> 00 <key>. */
function openRandomKey(privateKey: string, sealed: string): string {
  const block = privateDecrypt(
    { key: privateKey, padding: constants.RSA_NO_PADDING },
    Buffer.from(sealed, 'base64'),
  );
  return block.subarray(block.indexOf(0, 2) + 1).toString();
}

const getChatData = (body: Record<string, unknown>) =>
  request(sim.app)
    .post('/finance/getchatdata')
    .send(body)
    .then((r) => r.body);

describe('chat archive at the Finance SDK boundary (API.md §15)', () => {
  it('is not enabled (301053) until a public key is uploaded', async () => {
    const answer = await getChatData({
      corpid: DEMO_CORP_ID,
      secret: DEMO_ARCHIVE_SECRET,
      seq: 0,
      limit: 10,
    });
    expect(answer.errcode).toBe(301053);
  });

  it('numbers uploads as publickey_ver and seals each message under the current key', async () => {
    const first = keyPair();
    const second = keyPair();
    const upload = (publicKey: string) =>
      request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/archive/public-keys`).send({ publicKey });
    const message = (content: string) =>
      request(sim.app)
        .post(`/sim/corps/${DEMO_CORP_ID}/archive/messages`)
        .send({ from: 'admin', tolist: ['wmCustomer'], content });
    expect((await upload(first.publicKey)).body).toEqual({ publickey_ver: 1 });
    await message('一');
    expect((await upload(second.publicKey)).body).toEqual({ publickey_ver: 2 });
    await message('二');

    const answer = await getChatData({
      corpid: DEMO_CORP_ID,
      secret: DEMO_ARCHIVE_SECRET,
      seq: 0,
      limit: 10,
    });
    expect(
      answer.chatdata.map((m: { seq: number; publickey_ver: number }) => [m.seq, m.publickey_ver]),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const latest = answer.chatdata[1];
    const randomKey = openRandomKey(second.privateKey, latest.encrypt_random_key);
    const decipher = createDecipheriv(
      'aes-256-cbc',
      Buffer.from(randomKey),
      Buffer.from(randomKey.slice(0, 16)),
    );
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(latest.encrypt_chat_msg, 'base64')),
      decipher.final(),
    ]);
    expect(JSON.parse(plaintext.toString())).toMatchObject({
      msgtype: 'text',
      text: { content: '二' },
      from: 'admin',
    });

    const after = await getChatData({ corpid: DEMO_CORP_ID, secret: DEMO_ARCHIVE_SECRET, seq: 1, limit: 10 });
    expect(after.chatdata).toHaveLength(1);
  });

  it('answers 40001 for another secret, 40013 for an unknown corp and 10000 for a limit over 1000', async () => {
    expect(
      (await getChatData({ corpid: DEMO_CORP_ID, secret: DEMO_CONTACTS_SECRET, seq: 0, limit: 1 })).errcode,
    ).toBe(40001);
    expect((await getChatData({ corpid: 'ww0000000000000000', secret: 'x', seq: 0, limit: 1 })).errcode).toBe(
      40013,
    );
    expect(
      (await getChatData({ corpid: DEMO_CORP_ID, secret: DEMO_ARCHIVE_SECRET, seq: 0, limit: 1001 })).errcode,
    ).toBe(10000);
  });
});
