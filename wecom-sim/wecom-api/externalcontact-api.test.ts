import { memberStatus } from '../contacts/member-roster';
import request from 'supertest';
import { demoCustomerSeed } from '../seed/demo-customers';
import { DEMO_CORP_ID, DEMO_APP_AGENT_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
});

const get = (path: string, query: Record<string, string> = {}, accessToken = token) =>
  request(sim.app)
    .get(`/cgi-bin/${path}`)
    .query({ access_token: accessToken, ...query });
const post = (path: string, body: unknown, accessToken = token) =>
  request(sim.app)
    .post(`/cgi-bin/${path}`)
    .query({ access_token: accessToken })
    .send(body as object);

const corp = () => sim.state.corp(DEMO_CORP_ID)!;
const firstCustomerOf = (userid: string) => corp().customers.customersOf(userid)[0];

describe('who may call the customer APIs', () => {
  it('refuses the contacts and archive secrets with 48002 and keeps the list field empty', async () => {
    const contactsToken = await sim.tokenFor('contacts');
    const response = await get('externalcontact/get_follow_user_list', {}, contactsToken);
    expect(response.body).toMatchObject({ errcode: 48002, follow_user: [] });
  });

  it('lets the self-built app read them too', async () => {
    const appToken = await sim.tokenFor('app');
    expect((await get('externalcontact/get_follow_user_list', {}, appToken)).body.errcode).toBe(0);
  });
});

describe('customers', () => {
  it('lists follow users (active members only) and a member’s customers', async () => {
    const follow = (await get('externalcontact/get_follow_user_list')).body.follow_user as string[];
    expect(follow).toContain('lina');
    expect(follow).not.toContain('fengyu'); // disabled in the demo corp
    const list = await get('externalcontact/list', { userid: 'lina' });
    expect(list.body.errcode).toBe(0);
    expect(list.body.external_userid.length).toBe(corp().customers.customersOf('lina').length);
  });

  it('answers 84061 for a member without customers and 40003 for an unknown member', async () => {
    expect((await get('externalcontact/list', { userid: 'songjia' })).body).toMatchObject({
      errcode: 84061,
      external_userid: [],
    });
    expect((await get('externalcontact/list', { userid: 'nobody' })).body.errcode).toBe(40003);
  });

  it('gets one customer with every follower and their tags by name', async () => {
    const seeded = demoCustomerSeed.customers.find((c) => c.follows.some((f) => f.tag_ids.length > 0))!;
    const response = await get('externalcontact/get', { external_userid: seeded.contact.external_userid });
    expect(response.body.errcode).toBe(0);
    expect(response.body.external_contact).toMatchObject({
      external_userid: seeded.contact.external_userid,
      name: seeded.contact.name,
      type: seeded.contact.type,
    });
    const follow = response.body.follow_user.find((f: { tags: unknown[] }) => f.tags.length > 0);
    expect(follow.tags[0]).toEqual(
      expect.objectContaining({
        tag_id: expect.stringMatching(/^et/),
        group_name: expect.any(String),
        type: 1,
      }),
    );
    expect(response.body.next_cursor).toBe('');
  });

  it('answers 41035 without external_userid and 40096 for an unknown one', async () => {
    expect((await get('externalcontact/get')).body.errcode).toBe(41035);
    expect((await get('externalcontact/get', { external_userid: 'wmnope' })).body.errcode).toBe(40096);
  });

  it('pages batch/get_by_user by cursor, clamping limit to 100, with one follow_info per relation', async () => {
    const expected = ['lina', 'liuyang'].flatMap((u) =>
      corp()
        .customers.customersOf(u)
        .map((id) => `${u}:${id}`),
    );
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const response = await post('externalcontact/batch/get_by_user', {
        userid_list: ['lina', 'liuyang'],
        cursor,
        limit: 500,
      });
      expect(response.body.errcode).toBe(0);
      expect(response.body.external_contact_list.length).toBeLessThanOrEqual(100);
      for (const row of response.body.external_contact_list) {
        expect(row.follow_info).toEqual(expect.objectContaining({ tag_id: expect.any(Array) }));
        seen.push(`${row.follow_info.userid}:${row.external_contact.external_userid}`);
      }
      cursor = response.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 100));
  });

  it('refuses an empty or oversized userid_list and a forged cursor', async () => {
    expect((await post('externalcontact/batch/get_by_user', { userid_list: [] })).body.errcode).toBe(40058);
    const tooMany = Array.from({ length: 101 }, () => 'lina');
    expect((await post('externalcontact/batch/get_by_user', { userid_list: tooMany })).body.errcode).toBe(
      40058,
    );
    expect(
      (await post('externalcontact/batch/get_by_user', { userid_list: ['lina'], cursor: 'bogus' })).body
        .errcode,
    ).toBe(50100);
  });

  it('sets a remark with its limits, and needs a relation', async () => {
    const customer = firstCustomerOf('lina');
    const ok = await post('externalcontact/remark', {
      userid: 'lina',
      external_userid: customer,
      remark: '老客户',
      description: '华东大客户',
      remark_mobiles: ['13900000000'],
    });
    expect(ok.body).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(corp().customers.relation('lina', customer)).toMatchObject({
      remark: '老客户',
      remark_mobiles: ['13900000000'],
    });
    const tooLong = await post('externalcontact/remark', {
      userid: 'lina',
      external_userid: customer,
      remark: '长'.repeat(21),
    });
    expect(tooLong.body.errcode).toBe(40058);
    const nothing = await post('externalcontact/remark', { userid: 'lina', external_userid: customer });
    expect(nothing.body.errcode).toBe(40058);
    const stranger = await post('externalcontact/remark', {
      userid: 'songjia',
      external_userid: customer,
      remark: 'x',
    });
    expect(stranger.body.errcode).toBe(84061);
  });
});

describe('corp tags', () => {
  it('lists groups with larger order first, filters by group or tag id', async () => {
    const all = (await post('externalcontact/get_corp_tag_list', {})).body.tag_group;
    expect(all.map((g: { group_name: string }) => g.group_name)).toEqual([
      '客户等级',
      '客户来源',
      '意向产品',
      '所属行业',
    ]);
    const groupId = all[1].group_id;
    const byGroup = (await post('externalcontact/get_corp_tag_list', { group_id: [groupId] })).body.tag_group;
    expect(byGroup).toHaveLength(1);
    const tagId = all[0].tag[0].id;
    const byTag = (await post('externalcontact/get_corp_tag_list', { tag_id: [tagId] })).body.tag_group;
    expect(byTag).toEqual([
      expect.objectContaining({ group_name: '客户等级', tag: [expect.objectContaining({ id: tagId })] }),
    ]);
  });

  it('adds tags to a new or an existing group, edits and deletes them; the last tag takes its group along', async () => {
    const added = await post('externalcontact/add_corp_tag', {
      group_name: '会员',
      tag: [{ name: '金卡' }, { name: '金卡' }],
    });
    expect(added.body.errcode).toBe(0);
    const group = added.body.tag_group;
    expect(group).toMatchObject({
      group_id: expect.stringMatching(/^et/),
      group_name: '会员',
      tag: [{ name: '金卡' }],
    });
    const more = await post('externalcontact/add_corp_tag', {
      group_id: group.group_id,
      tag: [{ name: '银卡' }],
    });
    expect(more.body.tag_group.tag.map((t: { name: string }) => t.name)).toEqual(['银卡']);

    expect(
      (await post('externalcontact/edit_corp_tag', { id: group.tag[0].id, name: '钻石卡' })).body.errcode,
    ).toBe(0);
    expect(
      (await post('externalcontact/edit_corp_tag', { id: group.tag[0].id, name: '银卡' })).body.errcode,
    ).toBe(40058);
    expect((await post('externalcontact/edit_corp_tag', { id: 'etnope', name: 'x' })).body.errcode).toBe(
      40068,
    );

    const ids = [group.tag[0].id, more.body.tag_group.tag[0].id];
    expect((await post('externalcontact/del_corp_tag', { tag_id: ids })).body.errcode).toBe(0);
    const after = (await post('externalcontact/get_corp_tag_list', {})).body.tag_group;
    expect(after.map((g: { group_name: string }) => g.group_name)).not.toContain('会员');
  });

  it('by tag_id or group_id, also answers deleted tags and groups, flagged; the full list shows neither', async () => {
    const group = (
      await post('externalcontact/add_corp_tag', {
        group_name: '渠道',
        tag: [{ name: '线上' }, { name: '线下' }],
      })
    ).body.tag_group;
    const [online, offline] = group.tag.map((tag: { id: string }) => tag.id);
    await post('externalcontact/del_corp_tag', { tag_id: [online] });

    const full = (await post('externalcontact/get_corp_tag_list', {})).body.tag_group;
    const listed = full.find((g: { group_id: string }) => g.group_id === group.group_id);
    expect(listed.tag.map((tag: { id: string }) => tag.id)).toEqual([offline]);
    expect(listed).not.toHaveProperty('deleted');
    expect(listed.tag[0]).not.toHaveProperty('deleted');

    const byGroup = (await post('externalcontact/get_corp_tag_list', { group_id: [group.group_id] })).body
      .tag_group;
    expect(byGroup).toEqual([
      expect.objectContaining({
        group_id: group.group_id,
        deleted: false,
        tag: [
          expect.objectContaining({ id: online, name: '线上', deleted: true }),
          expect.objectContaining({ id: offline, name: '线下', deleted: false }),
        ],
      }),
    ]);
    const byTag = (await post('externalcontact/get_corp_tag_list', { tag_id: [online] })).body.tag_group;
    expect(byTag).toEqual([
      expect.objectContaining({
        deleted: false,
        tag: [expect.objectContaining({ id: online, deleted: true })],
      }),
    ]);

    // The last tag takes its group along: both stay answerable by id, flagged.
    await post('externalcontact/del_corp_tag', { tag_id: [offline] });
    const gone = (await post('externalcontact/get_corp_tag_list', { tag_id: [offline] })).body.tag_group;
    expect(gone).toEqual([
      expect.objectContaining({
        deleted: true,
        tag: [expect.objectContaining({ id: offline, deleted: true })],
      }),
    ]);
    const all = (await post('externalcontact/get_corp_tag_list', {})).body.tag_group;
    expect(all.map((g: { group_id: string }) => g.group_id)).not.toContain(group.group_id);
    // A deleted tag or group can be neither edited, deleted again, marked nor added to; its name is free again.
    expect((await post('externalcontact/edit_corp_tag', { id: online, name: 'x' })).body.errcode).toBe(40068);
    expect((await post('externalcontact/del_corp_tag', { group_id: [group.group_id] })).body.errcode).toBe(
      40068,
    );
    expect(
      (await post('externalcontact/add_corp_tag', { group_id: group.group_id, tag: [{ name: '新' }] })).body
        .errcode,
    ).toBe(40068);
    const again = (
      await post('externalcontact/add_corp_tag', { group_name: '渠道', tag: [{ name: '线上' }] })
    ).body.tag_group;
    expect(again.group_id).not.toBe(group.group_id);
    expect(again.tag[0].id).not.toBe(online);
  });

  it('refuses empty and over-long names and an empty tag list', async () => {
    expect((await post('externalcontact/add_corp_tag', { group_name: '空', tag: [] })).body.errcode).toBe(
      40058,
    );
    expect(
      (await post('externalcontact/add_corp_tag', { group_name: '长', tag: [{ name: '长'.repeat(31) }] }))
        .body.errcode,
    ).toBe(40058);
    expect((await post('externalcontact/del_corp_tag', {})).body.errcode).toBe(40058);
  });

  it('marks and unmarks tags on a relation; deleting a tag removes it from customers', async () => {
    const customer = firstCustomerOf('lina');
    const tag = (await post('externalcontact/add_corp_tag', { group_name: '测试', tag: [{ name: '标记' }] }))
      .body.tag_group.tag[0];
    expect(
      (
        await post('externalcontact/mark_tag', {
          userid: 'lina',
          external_userid: customer,
          add_tag: [tag.id],
        })
      ).body.errcode,
    ).toBe(0);
    const seen = (await get('externalcontact/get', { external_userid: customer })).body.follow_user.find(
      (f: { userid: string }) => f.userid === 'lina',
    );
    expect(seen.tags).toContainEqual({ group_name: '测试', tag_name: '标记', tag_id: tag.id, type: 1 });

    expect(
      (
        await post('externalcontact/mark_tag', {
          userid: 'lina',
          external_userid: customer,
          add_tag: ['etnope'],
        })
      ).body.errcode,
    ).toBe(40068);
    expect(
      (await post('externalcontact/mark_tag', { userid: 'lina', external_userid: customer })).body.errcode,
    ).toBe(40058);
    expect(
      (
        await post('externalcontact/mark_tag', {
          userid: 'songjia',
          external_userid: customer,
          add_tag: [tag.id],
        })
      ).body.errcode,
    ).toBe(84061);

    await post('externalcontact/del_corp_tag', { tag_id: [tag.id] });
    expect(corp().customers.relation('lina', customer).tag_ids).not.toContain(tag.id);
  });
});

describe('customer groups', () => {
  it('pages groupchat/list by cursor, with limit required and owner/status filters', async () => {
    expect((await post('externalcontact/groupchat/list', {})).body.errcode).toBe(40058);
    expect((await post('externalcontact/groupchat/list', { limit: 1001 })).body.errcode).toBe(40058);
    const ids: string[] = [];
    let cursor = '';
    do {
      const page = (await post('externalcontact/groupchat/list', { limit: 30, cursor })).body;
      ids.push(...page.group_chat_list.map((g: { chat_id: string }) => g.chat_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(ids).toHaveLength(100);
    const owner = demoCustomerSeed.groups[0].owner;
    const mine = (
      await post('externalcontact/groupchat/list', { limit: 1000, owner_filter: { userid_list: [owner] } })
    ).body;
    expect(mine.group_chat_list.length).toBe(demoCustomerSeed.groups.filter((g) => g.owner === owner).length);
    const resigned = (await post('externalcontact/groupchat/list', { limit: 1000, status_filter: 1 })).body;
    expect(resigned.group_chat_list).toEqual([]);
  });

  it('gets a group with members, join scenes, invitors and names only on need_name', async () => {
    const seeded = demoCustomerSeed.groups[0];
    const plain = (await post('externalcontact/groupchat/get', { chat_id: seeded.chat_id })).body.group_chat;
    expect(plain).toMatchObject({
      chat_id: seeded.chat_id,
      owner: seeded.owner,
      member_version: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(plain.member_list).toHaveLength(1 + (seeded.staffIds?.length ?? 0) + seeded.customerIds.length);
    expect(plain.member_list[0]).not.toHaveProperty('name');
    const invited = plain.member_list.find(
      (m: { join_scene: number; type: number }) => m.type === 2 && m.join_scene === 1,
    );
    if (invited) expect(invited.invitor).toEqual({ userid: seeded.owner });
    const named = (await post('externalcontact/groupchat/get', { chat_id: seeded.chat_id, need_name: 1 }))
      .body.group_chat;
    expect(named.member_list[0].name).toEqual(expect.any(String));
    expect((await post('externalcontact/groupchat/get', { chat_id: 'wrnope' })).body.errcode).toBe(40058);
  });
});

describe('message/send', () => {
  it('sends with the app secret, reports unknown recipients, and keeps what was sent', async () => {
    const appToken = await sim.tokenFor('app');
    // A disabled member (status 2) cannot receive messages either.
    const disabled = corp()
      .contacts.members.all()
      .find((member) => memberStatus(member) === 2)!.userid;
    const sent = await post(
      'message/send',
      {
        touser: `lina|Ghost|ghost|${disabled}`,
        msgtype: 'text',
        agentid: DEMO_APP_AGENT_ID,
        text: { content: '提醒：回访客户' },
      },
      appToken,
    );
    // API.md §11: errcode 0, every field present, "a|b" strings, userids lower-cased.
    expect(sent.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      invaliduser: `ghost|${disabled.toLowerCase()}`,
      invalidparty: '',
      invalidtag: '',
      unlicenseduser: '',
      msgid: expect.any(String),
    });
    expect(corp().appMessages.list({ touser: 'lina' })).toEqual([
      expect.objectContaining({ msgtype: 'text', content: { content: '提醒：回访客户' } }),
    ]);
  });

  it('with the duplicate check on, delivers the same message to a member once within the interval', async () => {
    const appToken = await sim.tokenFor('app');
    const other = corp()
      .contacts.members.all()
      .find((member) => member.userid !== 'lina' && memberStatus(member) !== 2)!.userid;
    const body = {
      touser: `lina|${other}`,
      msgtype: 'text',
      agentid: DEMO_APP_AGENT_ID,
      text: { content: '重复检查：请回访' },
      enable_duplicate_check: 1,
    };
    expect((await post('message/send', { ...body, touser: 'lina' }, appToken)).body.errcode).toBe(0);
    // Sent again (a retry after a lost answer) to lina and another member: only the other gets it now.
    expect((await post('message/send', body, appToken)).body.errcode).toBe(0);
    const received = (userid: string) =>
      corp()
        .appMessages.list({ touser: userid })
        .filter((message) => (message.content as { content: string }).content === '重复检查：请回访');
    expect(received('lina')).toHaveLength(1);
    expect(received(other.toLowerCase())).toHaveLength(1);
    // Without the check, or with other content, it goes out again.
    await post('message/send', { ...body, enable_duplicate_check: 0 }, appToken);
    expect(received('lina')).toHaveLength(2);
  });

  it('refuses other secrets, a wrong agentid, bad content and all-unknown recipients', async () => {
    const appToken = await sim.tokenFor('app');
    const body = { touser: 'lina', msgtype: 'text', agentid: DEMO_APP_AGENT_ID, text: { content: 'x' } };
    expect((await post('message/send', body)).body.errcode).toBe(48002);
    expect((await post('message/send', { ...body, agentid: 1 }, appToken)).body.errcode).toBe(40056);
    expect((await post('message/send', { ...body, text: { content: '' } }, appToken)).body.errcode).toBe(
      40058,
    );
    expect(
      (await post('message/send', { ...body, text: { content: '字'.repeat(700) } }, appToken)).body.errcode,
    ).toBe(40058);
    expect((await post('message/send', { ...body, touser: 'ghost' }, appToken)).body.errcode).toBe(81013);
  });
});
