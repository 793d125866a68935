// Slow (30 s): it generates and decrypts the demo corp's thousands of archived messages.
import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import request from 'supertest';
import { DEMO_ARCHIVE_SECRET, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';
import { MEDIA_CHUNK_BYTES } from './archive-media';
import { linesOf } from './conversation-lines';

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

/** The product's side of the simulator codec, written out again here so the test checks the contract. */
function open(privateKey: string, sealed: { encrypt_random_key: string; encrypt_chat_msg: string }) {
  const block = privateDecrypt(
    { key: privateKey, padding: constants.RSA_NO_PADDING },
    Buffer.from(sealed.encrypt_random_key, 'base64'),
  );
  const randomKey = block.subarray(block.indexOf(0, 2) + 1);
  const decipher = createDecipheriv('aes-256-cbc', randomKey, randomKey.subarray(0, 16));
  return JSON.parse(
    Buffer.concat([
      decipher.update(Buffer.from(sealed.encrypt_chat_msg, 'base64')),
      decipher.final(),
    ]).toString(),
  );
}

const sdk = (path: string, body: Record<string, unknown>) =>
  request(sim.app)
    .post(`/finance/${path}`)
    .send({ corpid: DEMO_CORP_ID, secret: DEMO_ARCHIVE_SECRET, ...body })
    .then((r) => r.body);

const msgaudit = async (path: string, body: unknown) =>
  (
    await request(sim.app)
      .post(`/cgi-bin/msgaudit/${path}`)
      .query({ access_token: await sim.tokenFor('archive') })
      .send(JSON.stringify(body))
  ).body;

describe('generated conversations in the chat archive', () => {
  it('archives thousands of messages of every kind between members, customers and groups', async () => {
    const keys = keyPair();
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/public-keys`)
      .send({ publicKey: keys.publicKey });
    const generated = await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/conversations`)
      .send({ count: 3000, days: 30 });
    expect(generated.status).toBe(201);
    expect(generated.body).toEqual({ firstSeq: 1, lastSeq: 3000 });

    const page = await sdk('getchatdata', { seq: 0, limit: 1000 });
    expect(page.chatdata).toHaveLength(1000);
    const messages = page.chatdata.map((data: { encrypt_random_key: string; encrypt_chat_msg: string }) =>
      open(keys.privateKey, data),
    );
    const kinds = new Set(messages.map((m: { msgtype: string }) => m.msgtype));
    for (const kind of ['text', 'image', 'file', 'link', 'chatrecord', 'mixed', 'revoke']) {
      expect(kinds).toContain(kind);
    }
    expect(messages.some((m: { roomid: string }) => m.roomid !== '')).toBe(true);
    expect(messages.some((m: { roomid: string }) => m.roomid === '')).toBe(true);
    const times = messages.map((m: { msgtime: number }) => m.msgtime);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const text = messages.find((m: { msgtype: string }) => m.msgtype === 'text');
    expect(text.text.content).toMatch(/[\u4e00-\u9fff]/);
    const recall = messages.find((m: { msgtype: string }) => m.msgtype === 'revoke');
    expect(recall.action).toBe('recall');
    expect(recall.revoke).toHaveProperty('pre_msgid');
    const redpacket = messages.find((m: { msgtype: string }) => m.msgtype.endsWith('redpacket'));
    if (redpacket) expect(redpacket.redpacket).toHaveProperty('totalamount');
  });

  it('has members speak as salespeople and customers as customers, a few of them out of line', async () => {
    const keys = keyPair();
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/public-keys`)
      .send({ publicKey: keys.publicKey });
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/conversations`)
      .send({ count: 1000, msgtypes: ['text'] });
    const page = await sdk('getchatdata', { seq: 0, limit: 1000 });
    const texts = page.chatdata.map(
      (data: { encrypt_random_key: string; encrypt_chat_msg: string }) =>
        open(keys.privateKey, data) as { from: string; tolist: string[]; text: { content: string } },
    );
    const isCustomer = (id: string) => /^w[mo]/.test(id);
    const lines = {
      staff: new Set(linesOf('staff')),
      customer: new Set(linesOf('customer')),
      colleague: new Set(linesOf('colleague')),
    };
    for (const { from, tolist, text } of texts) {
      const speaker = isCustomer(from) ? 'customer' : tolist.some(isCustomer) ? 'staff' : 'colleague';
      expect(lines[speaker]).toContain(text.content);
    }
    const risky = texts.filter(({ text }: { text: { content: string } }) =>
      /私下转账|返现|投诉|退款/.test(text.content),
    );
    expect(risky.length).toBeGreaterThan(5);
    expect(risky.length).toBeLessThan(texts.length / 20);
  });

  it('serves a file in 512 KB chunks through GetMediaData', async () => {
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/public-keys`)
      .send({ publicKey: keyPair().publicKey });
    const size = MEDIA_CHUNK_BYTES * 2 + 100;
    const file = (await request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/archive/media`).send({ size }))
      .body;
    const chunks: Buffer[] = [];
    let indexbuf = '';
    for (;;) {
      const answer = await sdk('getmediadata', { sdkfileid: file.sdkfileid, indexbuf });
      expect(answer.errcode).toBe(0);
      chunks.push(Buffer.from(answer.data, 'base64'));
      if (answer.is_finish) break;
      indexbuf = answer.outindexbuf;
    }
    expect(chunks.map((c) => c.length)).toEqual([MEDIA_CHUNK_BYTES, MEDIA_CHUNK_BYTES, 100]);
    expect((await sdk('getmediadata', { sdkfileid: 'nope', indexbuf: '' })).errcode).toBe(10005);
  });

  it('answers the msgaudit APIs with their real shapes', async () => {
    expect((await msgaudit('get_permit_user_list', {})).errcode).toBe(301053);
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/archive/public-keys`)
      .send({ publicKey: keyPair().publicKey });
    await request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/archive/conversations`).send({ count: 50 });
    const permitted = await msgaudit('get_permit_user_list', {});
    expect(permitted.ids.length).toBeGreaterThan(0);

    const customer = sim.state.corp(DEMO_CORP_ID)!.customers.customersOf(permitted.ids[0])[0];
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/archive/agreements`)
      .send({ with: permitted.ids[0], external_userid: customer, status: 'Agree' });
    const single = await msgaudit('check_single_agree', {
      info: [{ userid: permitted.ids[0], exteranalopenid: customer }],
    });
    expect(single.agreeinfo).toEqual([
      expect.objectContaining({ userid: permitted.ids[0], exteranalopenid: customer, agree_status: 'Agree' }),
    ]);
    const tooMany = Array.from({ length: 101 }, () => ({ userid: 'a', exteranalopenid: 'b' }));
    expect((await msgaudit('check_single_agree', { info: tooMany })).errcode).toBe(301060);

    const group = sim.state.corp(DEMO_CORP_ID)!.groupChats.all()[0];
    const room = await msgaudit('check_room_agree', { roomid: group.chat_id });
    expect(room.agreeinfo[0]).toEqual(
      expect.objectContaining({ agree_status: 'Default_Agree', exteranalopenid: expect.any(String) }),
    );
    const internal = sim.state.corp(DEMO_CORP_ID)!.archive.consent.allRooms()[0];
    const info = await msgaudit('groupchat/get', { roomid: internal.roomid });
    expect(info).toMatchObject({ errcode: 0, roomname: internal.roomname, creator: internal.creator });
    expect(info.members[0]).toEqual({ memberid: expect.any(String), jointime: expect.any(Number) });
  });
});
