import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
});

const post = (path: string, body: unknown) =>
  request(sim.app)
    .post(`/cgi-bin/externalcontact/${path}`)
    .query({ access_token: token })
    .send(body as object);
const corp = () => sim.state.corp(DEMO_CORP_ID)!;

describe('contact ways (联系我)', () => {
  it('adds a QR way with a qr_code URL serving a PNG, reads, updates and deletes it', async () => {
    const added = await post('add_contact_way', { type: 1, scene: 2, user: ['lina'], state: 'code-1' });
    expect(added.body).toMatchObject({ errcode: 0, config_id: expect.any(String) });
    const png = await request(sim.app).get(new URL(added.body.qr_code).pathname);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');

    const read = await post('get_contact_way', { config_id: added.body.config_id });
    expect(read.body.contact_way).toMatchObject({
      type: 1,
      scene: 2,
      skip_verify: true,
      state: 'code-1',
      user: ['lina'],
      party: [],
    });
    expect(
      (
        await post('update_contact_way', {
          config_id: added.body.config_id,
          user: ['liuyang'],
          skip_verify: false,
        })
      ).body.errcode,
    ).toBe(0);
    expect(
      (await post('get_contact_way', { config_id: added.body.config_id })).body.contact_way,
    ).toMatchObject({
      user: ['liuyang'],
      skip_verify: false,
      state: 'code-1',
    });
    expect((await post('del_contact_way', { config_id: added.body.config_id })).body.errcode).toBe(0);
    expect((await post('get_contact_way', { config_id: added.body.config_id })).body.errcode).toBe(41044);
    expect((await request(sim.app).get(new URL(added.body.qr_code).pathname)).status).toBe(404);
  });

  it('enforces type, scene, one member for type 1, state ≤ 30 and 100 members with departments expanded', async () => {
    expect((await post('add_contact_way', { scene: 2, user: ['lina'] })).body.errcode).toBe(41037);
    expect((await post('add_contact_way', { type: 1, user: ['lina'] })).body.errcode).toBe(41038);
    expect((await post('add_contact_way', { type: 3, scene: 2, user: ['lina'] })).body.errcode).toBe(41039);
    expect(
      (await post('add_contact_way', { type: 1, scene: 2, user: ['lina', 'liuyang'] })).body.errcode,
    ).toBe(41041);
    expect(
      (await post('add_contact_way', { type: 1, scene: 2, user: ['lina'], state: 'x'.repeat(31) })).body
        .errcode,
    ).toBe(40058);
    expect((await post('add_contact_way', { type: 1, scene: 2, user: ['zhouting'] })).body.errcode).toBe(
      41054,
    );
    const already = corp().contacts.membersOf(9, true).length;
    for (let i = 0; i < 100 - already; i += 1) {
      corp().contacts.members.create(
        { userid: `bulk${i}`, name: `批量${i}`, mobile: `139${String(i).padStart(8, '0')}`, department: [9] },
        'active',
      );
    }
    const over = await post('add_contact_way', { type: 2, scene: 2, user: ['lina'], party: [9] });
    expect(over.body.errcode).toBe(41041);
    expect((await post('add_contact_way', { type: 2, scene: 2, party: [9] })).body.errcode).toBe(0);
  });

  it('send_welcome_msg works once within 20 s: 41051 when used, 41050 when expired or unknown', async () => {
    const first = corp().welcomeCodes.issue('lina', 'wmCustomer1');
    expect(
      (await post('send_welcome_msg', { welcome_code: first, text: { content: '你好' } })).body.errcode,
    ).toBe(0);
    expect(
      (await post('send_welcome_msg', { welcome_code: first, text: { content: '你好' } })).body.errcode,
    ).toBe(41051);
    const second = corp().welcomeCodes.issue('lina', 'wmCustomer2');
    sim.state.clock.advance(21);
    expect(
      (await post('send_welcome_msg', { welcome_code: second, text: { content: '你好' } })).body.errcode,
    ).toBe(41050);
    expect(
      (await post('send_welcome_msg', { welcome_code: 'nope', text: { content: '你好' } })).body.errcode,
    ).toBe(41050);
    expect(corp().welcomeCodes.delivered()).toEqual([
      expect.objectContaining({ external_userid: 'wmCustomer1', text: { content: '你好' } }),
    ]);
  });

  it('media/upload gives a pic_media_id that a mini-program welcome needs', async () => {
    const upload = await request(sim.app)
      .post('/cgi-bin/media/upload')
      .query({ access_token: token, type: 'image' })
      .attach('media', Buffer.from('png-bytes'), { filename: 'cover.png', contentType: 'image/png' });
    expect(upload.body).toMatchObject({ errcode: 0, type: 'image', media_id: expect.any(String) });
    const miniprogram = (picMediaId: string) => ({
      msgtype: 'miniprogram',
      miniprogram: { title: '小程序', pic_media_id: picMediaId, appid: 'wx123', page: 'pages/index' },
    });
    const code = corp().welcomeCodes.issue('lina', 'wmMini');
    const refused = await post('send_welcome_msg', {
      welcome_code: code,
      attachments: [miniprogram('nope')],
    });
    expect(refused.body.errcode).toBe(40007);
    const sent = await post('send_welcome_msg', {
      welcome_code: code,
      attachments: [miniprogram(upload.body.media_id)],
    });
    expect(sent.body.errcode).toBe(0);
  });

  it('group welcome templates: add, get, edit, del', async () => {
    const added = await post('group_welcome_template/add', {
      text: { content: '欢迎' },
      link: { title: '官网', url: 'https://example.com' },
    });
    expect(added.body).toMatchObject({ errcode: 0, template_id: expect.any(String) });
    await post('group_welcome_template/edit', {
      template_id: added.body.template_id,
      text: { content: '欢迎新朋友' },
    });
    const read = await post('group_welcome_template/get', { template_id: added.body.template_id });
    expect(read.body).toMatchObject({ errcode: 0, text: { content: '欢迎新朋友' } });
    expect(read.body.link).toBeUndefined();
    expect(
      (await post('group_welcome_template/del', { template_id: added.body.template_id })).body.errcode,
    ).toBe(0);
    expect(
      (await post('group_welcome_template/get', { template_id: added.body.template_id })).body.errcode,
    ).toBe(41058);
  });

  it('a scan adds the customer to the way’s members in turn, with State and a WelcomeCode', async () => {
    const added = await post('add_contact_way', {
      type: 2,
      scene: 2,
      user: ['lina', 'liuyang'],
      state: 'multi',
    });
    const scan = (name: string) =>
      request(sim.app)
        .post(`/sim/corps/${DEMO_CORP_ID}/contact-ways/${added.body.config_id}/scans`)
        .send({ name });
    const a = await scan('客户甲');
    const b = await scan('客户乙');
    expect(a.status).toBe(201);
    expect([a.body.userid, b.body.userid].sort()).toEqual(['lina', 'liuyang']);
    expect(a.body.welcome_code).toEqual(expect.any(String));
    const relation = corp().customers.relation(a.body.userid, a.body.customer.external_userid);
    expect(relation).toMatchObject({ state: 'multi', add_way: 1 });
  });
});
