import request from 'supertest';
import { DEMO_APP_AGENT_ID, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';
import { jssdkSignature } from './jssdk-signature';

let sim: SimHarness;
let member: string;
const PAGE = 'https://scrm.example.com/h5/customer?corpId=x';

beforeEach(() => {
  sim = createHarness();
  const corp = sim.state.corp(DEMO_CORP_ID)!;
  corp.app.redirectDomain = 'scrm.example.com';
  member = corp.contacts.members.all()[0].userid;
});

async function agentTicket(): Promise<string> {
  const token = await sim.tokenFor('app');
  const answer = await request(sim.app)
    .get('/cgi-bin/ticket/get')
    .query({ access_token: token, type: 'agent_config' });
  expect(answer.body.errcode).toBe(0);
  // The same ticket again within its lifetime: what is left of it, which crosses a second now and then.
  expect(answer.body.expires_in).toBeGreaterThan(7190);
  expect(answer.body.expires_in).toBeLessThanOrEqual(7200);
  return answer.body.ticket as string;
}

async function register(overrides: Record<string, unknown> = {}) {
  const ticket = await agentTicket();
  const body = {
    corpid: DEMO_CORP_ID,
    agentid: DEMO_APP_AGENT_ID,
    timestamp: 1700000000,
    nonceStr: 'Wm3WZYTPz0wzccnW',
    url: PAGE,
    jsApiList: ['getContext', 'getCurExternalContact', 'getCurExternalChat'],
    ...overrides,
  };
  const signature = jssdkSignature({ ticket, nonceStr: body.nonceStr, timestamp: body.timestamp, url: PAGE });
  return (
    await request(sim.app)
      .post('/wwopen/jssdk/agent-config')
      .send({ signature, ...body })
  ).body;
}

describe('JS-SDK for the H5 sidebar (API.md §16)', () => {
  it('signs as the documented vector does', () => {
    expect(
      jssdkSignature({
        ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
        nonceStr: 'Wm3WZYTPz0wzccnW',
        timestamp: 1414587457,
        url: 'http://mp.weixin.qq.com?params=value#ignored',
      }),
    ).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('gives the same ticket within its 7200 s, and the corp ticket only to the app token', async () => {
    expect(await agentTicket()).toBe(await agentTicket());
    const corpTicket = await request(sim.app)
      .get('/cgi-bin/get_jsapi_ticket')
      .query({ access_token: await sim.tokenFor('app') });
    expect(corpTicket.body).toMatchObject({ errcode: 0, expires_in: 7200 });
    const wrong = await request(sim.app)
      .get('/cgi-bin/get_jsapi_ticket')
      .query({ access_token: await sim.tokenFor('contacts') });
    expect(wrong.body.errcode).toBe(48002);
  });

  it('accepts agentConfig only with the right signature, agentid and trusted domain', async () => {
    expect((await register()).errMsg).toBe('agentConfig:ok');
    expect((await register({ signature: 'f'.repeat(40) })).errMsg).toBe('agentConfig:fail invalid signature');
    expect((await register({ agentid: 1 })).errMsg).toBe('agentConfig:fail invalid agentid');
  });

  it('answers getContext and the current customer or group from the client context', async () => {
    const session = (await register()).session as string;
    const invoke = async (api: string) =>
      (await request(sim.app).post('/wwopen/jssdk/invoke').send({ session, api })).body;
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/client-context`)
      .send({ userid: member, entry: 'single_chat_tools', externalUserid: 'wmCustomer1' })
      .expect(200);
    expect(await invoke('getContext')).toEqual({ errMsg: 'getContext:ok', entry: 'single_chat_tools' });
    expect(await invoke('getCurExternalContact')).toEqual({
      errMsg: 'getCurExternalContact:ok',
      userId: 'wmCustomer1',
    });
    expect((await invoke('getCurExternalChat')).errMsg).toBe(
      'getCurExternalChat:fail without context of external chat',
    );
    expect((await invoke('openEnterpriseChat')).errMsg).toBe('openEnterpriseChat:fail no permission');

    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/client-context`)
      .send({ userid: member, entry: 'group_chat_tools', chatId: 'wrChat1' });
    expect(await invoke('getCurExternalChat')).toEqual({
      errMsg: 'getCurExternalChat:ok',
      chatId: 'wrChat1',
    });
  });

  it('sends text or a link card into the open chat from a chat toolbar, and lists what was sent', async () => {
    const session = (await register({ jsApiList: ['sendChatMessage'] })).session as string;
    const send = async (params: Record<string, unknown>) =>
      (await request(sim.app).post('/wwopen/jssdk/invoke').send({ session, api: 'sendChatMessage', params }))
        .body;
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/client-context`)
      .send({ userid: member, entry: 'normal' });
    expect((await send({ msgtype: 'text', text: { content: '你好' } })).errMsg).toBe(
      'sendChatMessage:fail without context of external contact',
    );
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/client-context`)
      .send({ userid: member, entry: 'single_chat_tools', externalUserid: 'wmCustomer1' });
    expect(await send({ msgtype: 'text', text: { content: '你好' } })).toEqual({
      errMsg: 'sendChatMessage:ok',
    });
    expect((await send({ msgtype: 'text', text: { content: '' } })).errMsg).toBe(
      'sendChatMessage:fail invalid param',
    );
    expect((await send({ msgtype: 'news', news: { title: '无链接' } })).errMsg).toBe(
      'sendChatMessage:fail invalid param',
    );
    const card = {
      link: 'https://example.com/a',
      title: '标题',
      desc: '描述',
      imgUrl: 'https://example.com/c.png',
    };
    expect((await send({ msgtype: 'news', news: card })).errMsg).toBe('sendChatMessage:ok');

    const sent = (await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}/chat-tool-messages`)).body.messages;
    expect(sent).toEqual([
      expect.objectContaining({
        userid: member,
        externalUserid: 'wmCustomer1',
        msgtype: 'text',
        text: { content: '你好' },
      }),
      expect.objectContaining({ msgtype: 'news', news: card }),
    ]);
  });

  it('opens the 1:1 chat with a customer or an existing group chat, which the client then shows', async () => {
    const session = (await register({ jsApiList: ['openEnterpriseChat', 'openExistedChatWithMsg'] }))
      .session as string;
    const invoke = async (api: string, params: Record<string, unknown>) =>
      (await request(sim.app).post('/wwopen/jssdk/invoke').send({ session, api, params })).body;
    const context = async () =>
      (await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}/client-context`)).body.context;
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/client-context`)
      .send({ userid: member, entry: 'normal' });

    expect((await invoke('openEnterpriseChat', { userIds: '', externalUserIds: 'wmA;wmB' })).errMsg).toBe(
      'openEnterpriseChat:fail invalid param',
    );
    expect(await invoke('openEnterpriseChat', { userIds: '', externalUserIds: 'wmCustomer1' })).toEqual({
      errMsg: 'openEnterpriseChat:ok',
    });
    expect(await context()).toEqual({
      userid: member,
      entry: 'single_chat_tools',
      externalUserid: 'wmCustomer1',
    });

    expect((await invoke('openExistedChatWithMsg', {})).errMsg).toBe(
      'openExistedChatWithMsg:fail invalid param',
    );
    expect(await invoke('openExistedChatWithMsg', { chatId: 'wrChat1' })).toEqual({
      errMsg: 'openExistedChatWithMsg:ok',
    });
    expect(await context()).toEqual({ userid: member, entry: 'group_chat_tools', chatId: 'wrChat1' });
  });

  it('answers OAuth silently inside the client with a code for the member logged in', async () => {
    await request(sim.app)
      .get(`/sim/corps/${DEMO_CORP_ID}/client`)
      .query({ userid: member, entry: 'single_chat_tools', externalUserid: 'wm1', url: PAGE })
      .expect(302);
    const authorize = await request(sim.app).get('/connect/oauth2/authorize').query({
      appid: DEMO_CORP_ID,
      redirect_uri: 'https://scrm.example.com/api/h5/auth/callback',
      response_type: 'code',
      scope: 'snsapi_base',
      agentid: DEMO_APP_AGENT_ID,
      state: 's1',
    });
    expect(authorize.status).toBe(302);
    const back = new URL(authorize.headers.location);
    expect(back.searchParams.get('state')).toBe('s1');
    const user = await request(sim.app)
      .get('/cgi-bin/auth/getuserinfo')
      .query({ access_token: await sim.tokenFor('app'), code: back.searchParams.get('code') });
    expect(user.body).toMatchObject({ errcode: 0, userid: member });

    const foreign = await request(sim.app).get('/connect/oauth2/authorize').query({
      appid: DEMO_CORP_ID,
      redirect_uri: 'https://evil.example.com/cb',
      response_type: 'code',
      scope: 'snsapi_base',
    });
    expect(foreign.status).toBe(400);
  });
});
