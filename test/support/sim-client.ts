import { stackEnv } from './stack-env';

/** Drives the WeCom simulator's scenario API (/sim/...), the way a person would use the WeCom console. */
export interface SimCorp {
  corpId: string;
  name: string;
  appAgentId: number;
  secrets: { contacts: string; externalContact: string; app: string; archive: string };
}

async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stackEnv.wecomApiBase}/sim${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A 群发 template as the simulator holds it (WeCom's side): its text, one task per sender, reminders sent. */
export interface SimMassSendTemplate {
  msgid: string;
  content: { text?: { content: string } };
  tasks: Array<{ userid: string; status: number }>;
  reminders: Array<{ at: number; userids: string[] }>;
}

/** 企业群发 as WeCom holds it (API.md §9): its settings, the templates made, and members confirming in the client. */
export const massSendScenario = {
  /** Seconds WeCom answers 41063 after creation, and the customers' receive cap. */
  settings: (corpId: string, settings: { dispatchSeconds?: number }) =>
    sim<unknown>('PUT', `/corps/${corpId}/mass-sends/settings`, settings),
  templates: (corpId: string) =>
    sim<{ templates: SimMassSendTemplate[]; perSender: Record<string, number> }>(
      'GET',
      `/corps/${corpId}/mass-sends`,
    ),
  /** The member sends their task in the client: all pending recipients, or those named. */
  confirm: (
    corpId: string,
    msgid: string,
    userid: string,
    body: { recipients?: string[]; at?: number } = {},
  ) => sim<unknown>('POST', `/corps/${corpId}/mass-sends/${msgid}/tasks/${userid}/send`, body),
};

/**
 * The simulator's stand-in for the WeCom client, opening a page from a toolbar entry (`userid`, `entry`, `url`,
 * and for a chat toolbar the `externalUserid` or `chatId`): the side panel's JS-SDK context.
 */
export function simClientUrl(corpId: string, params: Record<string, string>): string {
  const url = new URL(`${stackEnv.wecomApiBase}/sim/corps/${corpId}/client`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export const simulator = {
  createCorp: (name: string) => sim<SimCorp>('POST', '/corps', { name }),
  corp: (corpId: string) =>
    sim<{ departments: Array<{ id: number; name: string }>; users: Array<{ userid: string; name: string }> }>(
      'GET',
      `/corps/${corpId}`,
    ),
  setContactsCallback: (corpId: string, config: { url: string; token: string; encodingAesKey: string }) =>
    sim<{ verified: boolean }>('PUT', `/corps/${corpId}/callbacks/contacts`, config),
  setCustomersCallback: (corpId: string, config: { url: string; token: string; encodingAesKey: string }) =>
    sim<{ verified: boolean }>('PUT', `/corps/${corpId}/callbacks/customers`, config),
  /** A member adds a customer in the client (客户联系): WeCom sends change_external_contact. */
  addCustomer: (
    corpId: string,
    customer: { userid: string; name?: string; state?: string; external_userid?: string },
  ) =>
    sim<{ customer: { external_userid: string }; delivery: { status: string } | null }>(
      'POST',
      `/corps/${corpId}/customers`,
      customer,
    ),
  addDepartment: (
    corpId: string,
    department: { id?: number; name: string; parentid: number; order?: number },
  ) => sim<unknown>('POST', `/corps/${corpId}/departments`, department),
  addUser: (corpId: string, user: Record<string, unknown>) =>
    sim<unknown>('POST', `/corps/${corpId}/users`, user),
  updateUser: (corpId: string, userid: string, change: Record<string, unknown>) =>
    sim<unknown>('PATCH', `/corps/${corpId}/users/${encodeURIComponent(userid)}`, change),
  deleteUser: (corpId: string, userid: string) =>
    sim<unknown>('DELETE', `/corps/${corpId}/users/${encodeURIComponent(userid)}`),
  deliveries: (corpId: string) =>
    sim<{ deliveries: Array<{ id: string; status: string; attempts: unknown[] }> }>(
      'GET',
      `/corps/${corpId}/callbacks/deliveries`,
    ),
  /** A customer as WeCom knows it, with each member's relation and its tags. */
  customer: (corpId: string, externalUserid: string) =>
    sim<{
      customer: { external_userid: string; name: string; unionid?: string };
      follow_user: Array<{ userid: string; tags?: Array<{ tag_id?: string; tag_name?: string }> }>;
    }>('GET', `/corps/${corpId}/customers/${encodeURIComponent(externalUserid)}`),
  /** 企业客户标签 created in the WeCom console (add_corp_tag's body; emits change_external_tag). */
  addCorpTags: (corpId: string, body: { group_name: string; tag: Array<{ name: string }> }) =>
    sim<{ tag_group: { group_id: string; group_name: string; tag: Array<{ id: string; name: string }> } }>(
      'POST',
      `/corps/${corpId}/corp-tags`,
      body,
    ),
  /**
   * A WeCom outage on some API paths (all by default): -1 system busy, or a bare HTTP 503, until `off`. With
   * `corpId` only that corp's calls fail (the other suites of a run are not slowed); without, every corp's.
   */
  setOutage: (mode: 'busy' | 'http-503' | 'off', paths?: string[], corpId?: string) =>
    sim<unknown>('PUT', '/outage', { mode, paths, corpId }),
  /** Extra delay on one API path: for one corp's calls with `corpId`, else for every corp's. */
  setLatency: (path: string, ms: number, corpId?: string) =>
    sim<unknown>('PUT', '/latency', { path, ms, corpId }),
  /** WeCom's frequency limits on one path (45009 beyond perMinute, 45033 beyond concurrent); none to lift. */
  setRateLimit: (path: string, limit: { perMinute?: number; concurrent?: number }) =>
    sim<{ limits: Array<{ path: string; refused: number }> }>('PUT', '/rate-limit', { path, ...limit }),
  rateLimits: () => sim<{ limits: Array<{ path: string; refused: number }> }>('GET', '/rate-limit'),
  /** The app's console settings: name, 可见范围, 可信域名 (the host web login may return to). */
  setApp: (
    corpId: string,
    settings: {
      name?: string;
      visibility?: { users?: string[]; departments?: number[] };
      redirectDomain?: string;
    },
  ) => sim<unknown>('PUT', `/corps/${corpId}/app`, settings),
  /** The console's 会话内容存档 public-key upload; answers the new publickey_ver. */
  uploadArchivePublicKey: (corpId: string, publicKey: string) =>
    sim<{ publickey_ver: number }>('POST', `/corps/${corpId}/archive/public-keys`, { publicKey }),
  /** A text message archived under the current public key. */
  archiveText: (corpId: string, message: { from: string; tolist: string[]; content: string }) =>
    sim<{ seq: number; publickey_ver: number }>('POST', `/corps/${corpId}/archive/messages`, message),
  /** A phone confirming a scan of a web-login link; answers where WeCom sends the browser next. */
  scanLogin: (scan: { url: string; userid?: string; nonMember?: true; decline?: true }) =>
    sim<{ location: string }>('POST', '/web-login/scan', scan),
  /** 企业标签 as WeCom has them now (the admin console's view), larger order first. */
  corpTags: (corpId: string) =>
    sim<{
      tag_group: Array<{
        group_id: string;
        group_name: string;
        order: number;
        tag: Array<{ id: string; name: string; order: number }>;
      }>;
    }>('GET', `/corps/${corpId}/corp-tags`),
  /** The app messages members received (message/send), optionally for one member. */
  appMessages: (corpId: string, touser?: string) =>
    sim<{
      messages: Array<{ msgtype: string; touser: string[]; content: Record<string, string>; sentAt: number }>;
    }>('GET', `/corps/${corpId}/app-messages${touser ? `?touser=${encodeURIComponent(touser)}` : ''}`),
  /** What the WeCom client in front of the tester shows: who is logged in, and which chat's sidebar is open. */
  setClientContext: (
    corpId: string,
    context: { userid: string; entry: string; externalUserid?: string; chatId?: string },
  ) => sim<unknown>('PUT', `/corps/${corpId}/client-context`, context),
  /** What sidebar pages sent into the open chat with ww.sendChatMessage, oldest first. */
  chatToolMessages: (corpId: string) =>
    sim<{
      messages: Array<{
        userid: string;
        entry: string;
        externalUserid?: string;
        chatId?: string;
        msgtype: 'text' | 'news';
        text?: { content: string };
        news?: { link: string; title: string; desc: string; imgUrl: string };
        sentAt: number;
      }>;
    }>('GET', `/corps/${corpId}/chat-tool-messages`),
  replay: (corpId: string, deliveryId: string) =>
    sim<unknown>('POST', `/corps/${corpId}/callbacks/replay/${deliveryId}`),
  /** The simulator's now (it may run ahead of this process's clock once a test advanced it). */
  clock: () => sim<{ now: string; offsetSeconds: number }>('GET', '/clock'),
};

/** A small org: 3 departments under the root and `staffCount` members spread over them. */
export async function populateCorp(corpId: string, staffCount: number): Promise<void> {
  await simulator.addDepartment(corpId, { id: 2, name: '销售部', parentid: 1, order: 3 });
  await simulator.addDepartment(corpId, { id: 3, name: '华东区', parentid: 2, order: 2 });
  await simulator.addDepartment(corpId, { id: 4, name: '研发中心', parentid: 1, order: 1 });
  for (let i = 1; i <= staffCount; i += 1) {
    await simulator.addUser(corpId, {
      userid: `staff${String(i).padStart(3, '0')}`,
      name: `员工${i}`,
      mobile: `139${String(10_000_000 + i).slice(-8)}`,
      department: [(i % 3) + 2],
    });
  }
}

/** Calls WeCom's contacts API with the corp's contacts secret: API changes emit no callbacks. */
async function contactsApiCaller(corp: SimCorp) {
  const base = `${stackEnv.wecomApiBase}/cgi-bin`;
  const { access_token: token } = (await (
    await fetch(`${base}/gettoken?corpid=${corp.corpId}&corpsecret=${corp.secrets.contacts}`)
  ).json()) as { access_token: string };
  return async (path: string, body: unknown) => {
    const answer = (await (
      await fetch(`${base}${path}?access_token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { errcode: number; errmsg: string };
    if (answer.errcode !== 0) throw new Error(`${path}: ${answer.errcode} ${answer.errmsg}`);
  };
}

/** A member added through WeCom's API, as a customer's HR system would: no callback follows. */
export async function addUserQuietly(corp: SimCorp, user: Record<string, unknown>): Promise<void> {
  await (
    await contactsApiCaller(corp)
  )('/user/create', user);
}

/**
 * A larger org written through WeCom's own contacts API (no callbacks):
 * `departments` departments under the root, `perDepartment` members in each.
 */
export async function populateLargeCorp(
  corp: SimCorp,
  departments: number,
  perDepartment: number,
): Promise<void> {
  const post = await contactsApiCaller(corp);
  for (let d = 0; d < departments; d += 1) {
    await post('/department/create', { id: 100 + d, name: `部门${d}`, parentid: 1 });
  }
  const users = Array.from({ length: departments * perDepartment }, (_, i) => i);
  for (let i = 0; i < users.length; i += 25) {
    await Promise.all(
      users.slice(i, i + 25).map((n) =>
        post('/user/create', {
          userid: `bulk${n}`,
          name: `批量员工${n}`,
          mobile: `136${String(10_000_000 + n).slice(-8)}`,
          department: [100 + (n % departments)],
        }),
      ),
    );
  }
}

/** A callback the simulator sent (null when the corp has no customers callback configured). */
export interface SimDelivery {
  id: string;
  status: string;
}

export interface SimGroupChat {
  chat_id: string;
  name: string;
  owner: string;
  member_list: Array<{ userid: string; type: number }>;
}

/** The console's 客户联系 side: customers, their relations, corp tags and customer groups (wecom-sim/README.md). */
export const customerScenario = {
  /** `count` new customers at once, added by each of `userids` in turn, with no callback (benchmarks). */
  generateCustomers: (corpId: string, options: { count: number; userids: string[]; namePrefix?: string }) =>
    sim<{ count: number }>('POST', `/corps/${corpId}/customers/generate`, options),
  /** 客户联系 → 绑定微信开发者ID: while bound, WeCom gives WeChat users' unionid. */
  bindWechatDeveloper: (corpId: string, bound: boolean) =>
    sim<{ bound: boolean }>('PUT', `/corps/${corpId}/wechat-developer`, { bound }),
  addCustomer: (
    corpId: string,
    customer: {
      userid: string;
      name?: string;
      external_userid?: string;
      type?: 1 | 2;
      corp_name?: string;
      add_way?: number;
      state?: string;
      remark?: string;
      half?: boolean;
      added_by?: 'member' | 'customer';
      /** Seconds, in the past: when it happened (createtime and CreateTime); default now. */
      at?: number;
    },
  ) =>
    sim<{ customer: { external_userid: string }; delivery: SimDelivery | null }>(
      'POST',
      `/corps/${corpId}/customers`,
      customer,
    ),
  acceptHalfAdd: (corpId: string, externalUserid: string, userid: string) =>
    sim<{ delivery: SimDelivery | null }>(
      'POST',
      `/corps/${corpId}/customers/${externalUserid}/followers/${encodeURIComponent(userid)}/accept`,
    ),
  /** remark/description/mobiles and add_tag/remove_tag (mark_tag) on one relation: edit_external_contact. */
  editRelation: (
    corpId: string,
    externalUserid: string,
    userid: string,
    change: {
      remark?: string;
      description?: string;
      remark_mobiles?: string[];
      add_tag?: string[];
      remove_tag?: string[];
    },
  ) =>
    sim<{ delivery: SimDelivery | null }>(
      'PATCH',
      `/corps/${corpId}/customers/${externalUserid}/followers/${encodeURIComponent(userid)}`,
      change,
    ),
  /** by member: del_external_contact; by customer: del_follow_user. `at`: seconds in the past (default now). */
  endRelation: (
    corpId: string,
    externalUserid: string,
    userid: string,
    by: 'member' | 'customer',
    at?: number,
  ) =>
    sim<{ delivery: SimDelivery | null }>(
      'DELETE',
      `/corps/${corpId}/customers/${externalUserid}/followers/${encodeURIComponent(userid)}?by=${by}${at === undefined ? '' : `&at=${at}`}`,
    ),
  addCorpTags: (
    corpId: string,
    request: {
      group_id?: string;
      group_name?: string;
      order?: number;
      tag: Array<{ name: string; order?: number }>;
    },
  ) =>
    sim<{
      tag_group: { group_id: string; group_name: string; tag: Array<{ id: string; name: string }> };
      deliveries: SimDelivery[];
    }>('POST', `/corps/${corpId}/corp-tags`, request),
  editCorpTag: (corpId: string, id: string, change: { name?: string; order?: number }) =>
    sim<{ delivery: SimDelivery | null }>('PATCH', `/corps/${corpId}/corp-tags/${id}`, change),
  deleteCorpTag: (corpId: string, id: string) =>
    sim<{ delivery: SimDelivery | null }>('DELETE', `/corps/${corpId}/corp-tags/${id}`),
  createGroupChat: (
    corpId: string,
    chat: {
      name?: string;
      owner: string;
      members?: Array<{ userid: string; type?: 1 | 2 }>;
      /** 群管理员: colleagues among the members. */
      admins?: string[];
      chat_id?: string;
      /** Seconds in the past: the group's create_time and its members' join_time (default now). */
      at?: number;
    },
  ) =>
    sim<{ group_chat: SimGroupChat; delivery: SimDelivery | null }>(
      'POST',
      `/corps/${corpId}/group-chats`,
      chat,
    ),
  /** `at`: seconds in the past, the join_time (default now). */
  addGroupMembers: (
    corpId: string,
    chatId: string,
    members: Array<{ userid: string; type?: 1 | 2 }>,
    at?: number,
  ) =>
    sim<{ group_chat: SimGroupChat; delivery: SimDelivery | null }>(
      'POST',
      `/corps/${corpId}/group-chats/${chatId}/members`,
      { members, at },
    ),
  /** `at`: seconds in the past, when they left (default now). */
  removeGroupMembers: (corpId: string, chatId: string, userids: string[], at?: number) =>
    sim<{ group_chat: SimGroupChat; delivery: SimDelivery | null }>(
      'DELETE',
      `/corps/${corpId}/group-chats/${chatId}/members`,
      { userids, at },
    ),
  /** Exactly one of name, owner, notice: change_name / change_owner / change_notice. */
  changeGroupChat: (
    corpId: string,
    chatId: string,
    change: { name?: string; owner?: string; notice?: string; at?: number },
  ) =>
    sim<{ group_chat: SimGroupChat; delivery: SimDelivery | null }>(
      'PATCH',
      `/corps/${corpId}/group-chats/${chatId}`,
      change,
    ),
  /** `at`: seconds in the past (default now). */
  dismissGroupChat: (corpId: string, chatId: string, at?: number) =>
    sim<{ delivery: SimDelivery | null }>(
      'DELETE',
      `/corps/${corpId}/group-chats/${chatId}${at === undefined ? '' : `?at=${at}`}`,
    ),
  /** The PNG a group owner would save as 群二维码 (it encodes the simulator's join URL for the group). */
  groupJoinQr: async (corpId: string, chatId: string): Promise<Buffer> => {
    const response = await fetch(
      `${stackEnv.wecomApiBase}/sim/corps/${corpId}/group-chats/${chatId}/join-qr.png`,
    );
    if (!response.ok) throw new Error(`simulator join-qr answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  },
  /** A customer scans a group's QR and joins: add_member with JoinScene 3. */
  joinGroupByQr: (corpId: string, chatId: string, externalUserid: string) =>
    sim<{ group_chat: SimGroupChat; delivery: SimDelivery | null }>(
      'POST',
      `/corps/${corpId}/group-chats/${chatId}/join`,
      { external_userid: externalUserid },
    ),
};

/** What populateCustomerCorp built, for assertions. */
export interface SmallCustomerCorp {
  staff: string[];
  tags: { vip: string; normal: string; hot: string };
  customers: string[];
  chats: string[];
}

/**
 * A small 客户联系 corp: 3 members, 2 tag groups, 4 customers (one followed by all three members, with tags
 * per relation), and 2 customer groups (zhaomin their 群管理员). Written through the console; with no customers callback set yet,
 * WeCom sends nothing, so only a sync can learn of it.
 */
export async function populateCustomerCorp(corpId: string): Promise<SmallCustomerCorp> {
  const staff = ['lina', 'wangwei', 'zhaomin'];
  for (const [i, userid] of staff.entries()) {
    await simulator.addUser(corpId, {
      userid,
      name: `销售${i + 1}`,
      mobile: `1381000000${i}`,
      department: [1],
    });
  }
  const level = await customerScenario.addCorpTags(corpId, {
    group_name: '客户等级',
    tag: [{ name: 'VIP' }, { name: '普通' }],
  });
  const intent = await customerScenario.addCorpTags(corpId, {
    group_name: '意向',
    tag: [{ name: '高意向' }],
  });
  const tags = {
    vip: level.tag_group.tag[0].id,
    normal: level.tag_group.tag[1].id,
    hot: intent.tag_group.tag[0].id,
  };

  const customers: string[] = [];
  for (const [i, name] of ['张三', '李四', '王五', '赵六'].entries()) {
    const { customer } = await customerScenario.addCustomer(corpId, {
      userid: staff[i % 3],
      name,
      add_way: 1,
    });
    customers.push(customer.external_userid);
  }
  // 张三 is followed by all three members, each with tags of their own.
  await customerScenario.addCustomer(corpId, {
    userid: 'wangwei',
    external_userid: customers[0],
    add_way: 3,
  });
  await customerScenario.addCustomer(corpId, { userid: 'zhaomin', external_userid: customers[0] });
  await customerScenario.editRelation(corpId, customers[0], 'lina', {
    add_tag: [tags.vip],
    remark: '老客户',
  });
  await customerScenario.editRelation(corpId, customers[0], 'wangwei', { add_tag: [tags.hot] });
  await customerScenario.editRelation(corpId, customers[1], 'wangwei', { add_tag: [tags.normal, tags.hot] });

  const chats: string[] = [];
  for (const [i, owner] of ['lina', 'wangwei'].entries()) {
    const { group_chat } = await customerScenario.createGroupChat(corpId, {
      name: `客户群${i + 1}`,
      owner,
      members: [
        { userid: customers[i], type: 2 },
        { userid: customers[i + 1], type: 2 },
        { userid: 'zhaomin' },
      ],
      admins: ['zhaomin'],
    });
    chats.push(group_chat.chat_id);
  }
  return { staff, tags, customers, chats };
}

/** 「联系我」 ways, a customer scanning one, and the welcomes and group welcome templates WeCom holds. */
export interface SimContactWay {
  config_id: string;
  type: 1 | 2;
  scene: 1 | 2;
  skip_verify: boolean;
  state: string;
  user: string[];
  party: number[];
  remark: string;
}

export const acquisitionScenario = {
  contactWays: (corpId: string) =>
    sim<{ contact_ways: SimContactWay[] }>('GET', `/corps/${corpId}/contact-ways`),
  /** A WeChat user scans the way's QR code and is added to one of its members (add_external_contact). */
  scanContactWay: (
    corpId: string,
    configId: string,
    customer: { name?: string; external_userid?: string; member_accepts?: boolean; welcome_code?: boolean },
  ) =>
    sim<{
      customer: { external_userid: string; name: string };
      userid: string;
      welcome_code: string | null;
      delivery: SimDelivery | null;
    }>('POST', `/corps/${corpId}/contact-ways/${configId}/scans`, customer),
  /** Welcomes WeCom delivered through send_welcome_msg, oldest first. */
  welcomeMessages: (corpId: string, externalUserid?: string) =>
    sim<{
      welcome_messages: Array<{
        external_userid: string;
        userid: string;
        text?: { content: string };
        attachments: Array<Record<string, unknown>>;
      }>;
    }>(
      'GET',
      `/corps/${corpId}/welcome-messages${externalUserid ? `?external_userid=${encodeURIComponent(externalUserid)}` : ''}`,
    ),
  groupWelcomeTemplates: (corpId: string) =>
    sim<{
      templates: Array<{ template_id: string; text?: { content: string }; link?: Record<string, unknown> }>;
    }>('GET', `/corps/${corpId}/group-welcome-templates`),
  advanceClock: (seconds: number) => sim<unknown>('POST', '/clock/advance', { seconds }),
};

/** The 会话内容存档 console and traffic (wecom-sim/scenario/archive.routes.ts). */
export const archiveScenario = {
  /** Realistic conversations between the archived members, their customers, groups and colleagues. */
  generateConversations: (corpId: string, options: { count: number; days?: number; msgtypes?: string[] }) =>
    sim<{ firstSeq: number; lastSeq: number }>('POST', `/corps/${corpId}/archive/conversations`, options),
  /** One message of any kind (API.md §15.3), archived under the current public key. */
  archiveMessage: (
    corpId: string,
    message: {
      from: string;
      tolist: string[];
      roomid?: string;
      msgtime?: number;
      msgtype: string;
      body: unknown;
    },
  ) =>
    sim<{ seq: number; msgid: string; publickey_ver: number }>(
      'POST',
      `/corps/${corpId}/archive/chat-messages`,
      message,
    ),
  /** A file for a media message; answers the ids its body carries. */
  storeMedia: (corpId: string, size: number) =>
    sim<{ sdkfileid: string; md5sum: string; size: number }>('POST', `/corps/${corpId}/archive/media`, {
      size,
    }),
  permitUsers: (corpId: string, userids: string[]) =>
    sim<{ ids: string[] }>('PUT', `/corps/${corpId}/archive/permit-users`, { userids }),
  /** A customer's answer to a member's (or a customer group's) consent request, as check_*_agree reports it. */
  setAgreement: (
    corpId: string,
    agreement: { with: string; external_userid: string; status: 'Agree' | 'Disagree' | 'Default_Agree' },
  ) => sim<{ status: string; time: number }>('PUT', `/corps/${corpId}/archive/agreements`, agreement),
};

/** A customer transfer as the simulator holds it (status 1 done, 2 waiting, 3 refused, 4 at the limit). */
export interface SimTransfer {
  kind: 'onjob' | 'resigned';
  handover_userid: string;
  takeover_userid: string;
  external_userid: string;
  status: 1 | 2 | 3 | 4;
}

/** 客户继承 outside the API (wecom-sim/transfer/transfer-console.routes.ts): resignations and the customer's side. */
export const transferScenario = {
  /** The admin marks a member resigned (`at`: seconds; default now): their customers wait for a successor. */
  resign: (corpId: string, userid: string, at?: number) =>
    sim<{ resignation: { userid: string; dimission_time: number }; customers: string[]; groups: string[] }>(
      'POST',
      `/corps/${corpId}/users/${encodeURIComponent(userid)}/resign`,
      at === undefined ? {} : { at },
    ),
  transfers: (corpId: string) => sim<{ transfers: SimTransfer[] }>('GET', `/corps/${corpId}/transfers`),
  /** The customer will refuse any takeover (transfer_result status 3). */
  setRefusing: (corpId: string, externalUserid: string, refuses: boolean) =>
    sim<unknown>('PUT', `/corps/${corpId}/transfers/refusals`, { external_userid: externalUserid, refuses }),
  /** How many customers the member may hold (null lifts it): beyond it a takeover ends with status 4. */
  setCustomerLimit: (corpId: string, userid: string, limit: number | null) =>
    sim<unknown>('PUT', `/corps/${corpId}/transfers/customer-limits`, { userid, limit }),
  /** Moves the simulator's clock (WeCom's 24 h) and ends the takeovers now due. */
  settle: (corpId: string, advanceSeconds?: number) =>
    sim<{ transfers: SimTransfer[] }>(
      'POST',
      `/corps/${corpId}/transfers/settle`,
      advanceSeconds === undefined ? {} : { advanceSeconds },
    ),
};
