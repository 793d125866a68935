import request from 'supertest';
import { DEMO_APP_AGENT_ID, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
beforeEach(() => {
  sim = createHarness();
  sim.state.corp(DEMO_CORP_ID)!.app.redirectDomain = 'scrm.example.com';
});

const REDIRECT = 'https://scrm.example.com/api/auth/wecom/callback';

function loginQuery(overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    login_type: 'CorpApp',
    appid: DEMO_CORP_ID,
    agentid: String(DEMO_APP_AGENT_ID),
    redirect_uri: REDIRECT,
    state: 'abc123',
    ...overrides,
  }).toString();
}

async function codeFor(userid: string): Promise<string> {
  const response = await request(sim.app)
    .post(`/wwlogin/sso/confirm?${loginQuery()}`)
    .type('form')
    .send({ userid });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.location);
  expect(location.searchParams.get('state')).toBe('abc123');
  return location.searchParams.get('code')!;
}

async function getuserinfo(code: string, kind: 'app' | 'contacts' = 'app') {
  const token = await sim.tokenFor(kind);
  return (await request(sim.app).get('/cgi-bin/auth/getuserinfo').query({ access_token: token, code })).body;
}

describe('web login (API.md §17)', () => {
  it('shows the members to "scan" with on a valid link', async () => {
    const response = await request(sim.app).get(`/wwlogin/sso/login?${loginQuery()}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('data-testid="sim-login-member-admin"');
    // A disabled member (fengyu) cannot scan.
    expect(response.text).not.toContain('sim-login-member-fengyu');
  });

  it.each([
    ['a wrong login_type', { login_type: 'ServiceApp' }, 'login_type'],
    ['an unknown corp', { appid: 'ww0000000000000000' }, '40013'],
    ['another agentid', { agentid: '999' }, '40056'],
    ['a redirect off the trusted domain', { redirect_uri: 'https://evil.example.com/x' }, '50001'],
  ])('refuses %s', async (_case, overrides, shown) => {
    const response = await request(sim.app).get(`/wwlogin/sso/login?${loginQuery(overrides)}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain(shown);
  });

  it('serves the legacy qrConnect link too', async () => {
    const query = new URLSearchParams({
      appid: DEMO_CORP_ID,
      agentid: String(DEMO_APP_AGENT_ID),
      redirect_uri: REDIRECT,
      state: 's',
    });
    expect((await request(sim.app).get(`/wwopen/sso/qrConnect?${query}`)).status).toBe(200);
  });

  it('exchanges a member code for the userid once; the second use is 40029', async () => {
    const code = await codeFor('lina');
    expect(await getuserinfo(code)).toEqual({ errcode: 0, errmsg: 'ok', userid: 'lina' });
    expect((await getuserinfo(code)).errcode).toBe(40029);
  });

  it('expires codes after 5 minutes', async () => {
    const code = await codeFor('lina');
    sim.state.clock.advance(301);
    expect((await getuserinfo(code)).errcode).toBe(40029);
  });

  it('gives a non-member an openid, not a userid', async () => {
    const response = await request(sim.app)
      .post(`/wwlogin/sso/confirm?${loginQuery()}`)
      .type('form')
      .send({ nonMember: '1' });
    const code = new URL(response.headers.location).searchParams.get('code')!;
    const body = await getuserinfo(code);
    expect(body.openid).toEqual(expect.any(String));
    expect(body.userid).toBeUndefined();
  });

  it('sends a declined login back with the state only', async () => {
    const response = await request(sim.app)
      .post(`/wwlogin/sso/confirm?${loginQuery()}`)
      .type('form')
      .send({ decline: '1' });
    const location = new URL(response.headers.location);
    expect(location.searchParams.get('code')).toBeNull();
    expect(location.searchParams.get('state')).toBe('abc123');
  });

  it('refuses a member outside the app visible range', async () => {
    sim.state.corp(DEMO_CORP_ID)!.app.visibility = { users: [], departments: [12] };
    const refused = await request(sim.app)
      .post('/sim/web-login/scan')
      .send({ url: `https://login.example/wwlogin/sso/login?${loginQuery()}`, userid: 'lina' });
    expect(refused.status).toBe(400);
    const allowed = await request(sim.app)
      .post('/sim/web-login/scan')
      .send({ url: `https://login.example/wwlogin/sso/login?${loginQuery()}`, userid: 'songjia' });
    expect(allowed.status).toBe(200);
    expect(new URL(allowed.body.location).searchParams.get('code')).toBeTruthy();
  });

  it('needs the app token for getuserinfo (48002 with the contacts secret) and a code (41008)', async () => {
    expect((await getuserinfo('x', 'contacts')).errcode).toBe(48002);
    const token = await sim.tokenFor('app');
    const missing = await request(sim.app).get('/cgi-bin/auth/getuserinfo').query({ access_token: token });
    expect(missing.body.errcode).toBe(41008);
  });
});

describe('agent/get', () => {
  it('answers the app with its visible range and trusted domain', async () => {
    sim.state.corp(DEMO_CORP_ID)!.app.visibility = { users: ['admin'], departments: [2] };
    const token = await sim.tokenFor('app');
    const response = await request(sim.app)
      .get('/cgi-bin/agent/get')
      .query({ access_token: token, agentid: DEMO_APP_AGENT_ID });
    expect(response.body).toMatchObject({
      errcode: 0,
      agentid: DEMO_APP_AGENT_ID,
      allow_userinfos: { user: [{ userid: 'admin' }] },
      allow_partys: { partyid: [2] },
      redirect_domain: 'scrm.example.com',
    });
  });

  it('says 40056 for another agentid and 41011 without one', async () => {
    const token = await sim.tokenFor('app');
    const other = await request(sim.app).get('/cgi-bin/agent/get').query({ access_token: token, agentid: 7 });
    expect(other.body.errcode).toBe(40056);
    const none = await request(sim.app).get('/cgi-bin/agent/get').query({ access_token: token });
    expect(none.body.errcode).toBe(41011);
  });
});
