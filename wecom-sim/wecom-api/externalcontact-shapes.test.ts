/**
 * The optional fields WeCom gives on the customer side (API.md §5.3, §5.4, §8.2): unionid while a WeChat
 * developer account is bound, external_profile of WeCom-user customers, remark_mobiles, admin_list.
 */
import request from 'supertest';
import { demoCustomerSeed } from '../seed/demo-customers';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
});

const get = (externalUserid: string) =>
  request(sim.app)
    .get('/cgi-bin/externalcontact/get')
    .query({ access_token: token, external_userid: externalUserid });
const post = (path: string, body: unknown) =>
  request(sim.app)
    .post(`/cgi-bin/externalcontact/${path}`)
    .query({ access_token: token })
    .send(body as object);
const bind = (bound: boolean) =>
  request(sim.app).put(`/sim/corps/${DEMO_CORP_ID}/wechat-developer`).send({ bound }).expect(200);

const seeded = demoCustomerSeed.customers;
const wechatUser = seeded.find((c) => c.contact.type === 1)!.contact;
const wecomUser = seeded.find((c) => c.contact.type === 2 && c.contact.external_profile)!.contact;

describe('unionid', () => {
  it('comes with WeChat users of the demo corp, which has a WeChat developer account bound', async () => {
    const contact = (await get(wechatUser.external_userid)).body.external_contact;
    expect(contact.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(contact.unionid).toBe(wechatUser.unionid);
    // Never for WeCom users: the doc gives it only for 微信用户.
    expect((await get(wecomUser.external_userid)).body.external_contact).not.toHaveProperty('unionid');
  });

  it('is the same in batch/get_by_user, for every follower of the customer', async () => {
    const twoFollowers = seeded.find((c) => c.contact.type === 1 && c.follows.length > 1)!;
    const answers = await Promise.all(
      twoFollowers.follows.map(async ({ userid }) => {
        const rows = [];
        let cursor = '';
        do {
          const page = (await post('batch/get_by_user', { userid_list: [userid], cursor, limit: 100 })).body;
          rows.push(...page.external_contact_list);
          cursor = page.next_cursor;
        } while (cursor);
        return rows.find(
          (row: { external_contact: { external_userid: string } }) =>
            row.external_contact.external_userid === twoFollowers.contact.external_userid,
        );
      }),
    );
    for (const row of answers) expect(row.external_contact.unionid).toBe(twoFollowers.contact.unionid);
  });

  it('is absent once the corp has no WeChat developer account bound, and back when bound again', async () => {
    await bind(false);
    expect((await get(wechatUser.external_userid)).body.external_contact).not.toHaveProperty('unionid');
    await bind(true);
    expect((await get(wechatUser.external_userid)).body.external_contact.unionid).toBe(wechatUser.unionid);
  });

  it('is drawn for a WeChat customer added in the console', async () => {
    const added = await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/customers`)
      .send({ userid: 'lina', name: '新客户' })
      .expect(201);
    expect(added.body.customer.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });
});

describe('external_profile and remark_mobiles', () => {
  it('gives WeCom-user customers their 对外属性 in the doc’s text/web/miniprogram shapes', async () => {
    const contact = (await get(wecomUser.external_userid)).body.external_contact;
    expect(contact.external_profile.external_attr.length).toBeGreaterThan(0);
    expect(contact.external_profile).toEqual(wecomUser.external_profile);
    const kinds = new Set(
      seeded.flatMap((c) => c.contact.external_profile?.external_attr.map((attr) => attr.type) ?? []),
    );
    expect([...kinds].sort()).toEqual([0, 1, 2]);
    for (const attr of seeded.flatMap((c) => c.contact.external_profile?.external_attr ?? [])) {
      if (attr.type === 0) expect(attr.text.value).toEqual(expect.any(String));
      if (attr.type === 1) expect(attr.web).toEqual({ url: expect.any(String), title: expect.any(String) });
      if (attr.type === 2)
        expect(attr.miniprogram).toEqual({
          appid: expect.any(String),
          pagepath: expect.any(String),
          title: expect.any(String),
        });
    }
    // WeChat users have no 对外信息 at all.
    expect((await get(wechatUser.external_userid)).body.external_contact).not.toHaveProperty(
      'external_profile',
    );
  });

  it('fills 备注手机号 on some demo relations, in follow_user and follow_info', async () => {
    const withMobile = seeded.find((c) => c.follows.some((f) => f.remark_mobiles?.length))!;
    const follow = withMobile.follows.find((f) => f.remark_mobiles?.length)!;
    expect(follow.remark_mobiles![0]).toMatch(/^1[35789]\d{9}$/);
    const followUser = (await get(withMobile.contact.external_userid)).body.follow_user.find(
      (f: { userid: string }) => f.userid === follow.userid,
    );
    expect(followUser.remark_mobiles).toEqual(follow.remark_mobiles);
    const share = seeded.flatMap((c) => c.follows).filter((f) => f.remark_mobiles?.length).length;
    expect(share / seeded.flatMap((c) => c.follows).length).toBeGreaterThan(0.2);
  });
});

describe('customer groups', () => {
  it('name their 群管理员 in admin_list: colleagues in the group, never the owner', async () => {
    const withAdmins = demoCustomerSeed.groups.filter((g) => g.adminIds?.length);
    expect(withAdmins.length).toBeGreaterThan(20);
    const seededGroup = withAdmins[0];
    const chat = (await post('groupchat/get', { chat_id: seededGroup.chat_id })).body.group_chat;
    expect(chat.admin_list).toEqual(seededGroup.adminIds!.map((userid) => ({ userid })));
    for (const { userid } of chat.admin_list) {
      expect(userid).not.toBe(chat.owner);
      expect(chat.member_list).toContainEqual(
        expect.objectContaining({ userid, type: 1, join_scene: 1, invitor: { userid: chat.owner } }),
      );
    }
    const plain = demoCustomerSeed.groups.find((g) => !g.staffIds)!;
    expect((await post('groupchat/get', { chat_id: plain.chat_id })).body.group_chat.admin_list).toEqual([]);
  });

  it('give WeChat users among the external members their unionid while bound, nobody else', async () => {
    const group = demoCustomerSeed.groups[0];
    const byId = new Map(seeded.map((c) => [c.contact.external_userid, c.contact]));
    const members = (await post('groupchat/get', { chat_id: group.chat_id })).body.group_chat.member_list;
    for (const member of members) {
      const contact = byId.get(member.userid);
      if (member.type === 2 && contact?.type === 1) expect(member.unionid).toBe(contact.unionid);
      else expect(member).not.toHaveProperty('unionid');
    }
    expect(members.some((m: { unionid?: string }) => m.unionid)).toBe(true);
    await bind(false);
    const unbound = (await post('groupchat/get', { chat_id: group.chat_id })).body.group_chat.member_list;
    expect(unbound.some((m: { unionid?: string }) => m.unionid)).toBe(false);
  });

  it('refuses a console group whose admin is not a colleague in it', async () => {
    const create = (admins: string[]) =>
      request(sim.app)
        .post(`/sim/corps/${DEMO_CORP_ID}/group-chats`)
        .send({ owner: 'lina', members: [{ userid: 'liuyang' }], admins });
    expect((await create(['zhangwei'])).status).toBe(400);
    expect((await create(['lina'])).status).toBe(400);
    const created = await create(['liuyang']);
    expect(created.status).toBe(201);
    expect(created.body.group_chat.admin_list).toEqual([{ userid: 'liuyang' }]);
    // The admin who becomes owner is no longer an admin.
    const changed = await request(sim.app)
      .patch(`/sim/corps/${DEMO_CORP_ID}/group-chats/${created.body.group_chat.chat_id}`)
      .send({ owner: 'liuyang' });
    expect(changed.body.group_chat.admin_list).toEqual([]);
  });
});
