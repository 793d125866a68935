import request from 'supertest';
import { DEMO_APP_SECRET, DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

const ERRMSG_SUFFIX =
  /, hint: \[[^\]]+\], from ip: [0-9a-f.:]+, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=(\d+)$/;

let sim: SimHarness;
beforeEach(() => {
  sim = createHarness();
});

function gettoken(query: Record<string, string>) {
  return request(sim.app).get('/cgi-bin/gettoken').query(query);
}

describe('gettoken', () => {
  it.each([
    ['corpsecret is missing, even when corpid is missing too', {}, 41004],
    ['corpsecret is missing', { corpid: DEMO_CORP_ID }, 41004],
    ['corpid is missing', { corpsecret: DEMO_CONTACTS_SECRET }, 41002],
    ['the corpid is unknown', { corpid: 'ww0000000000000000', corpsecret: DEMO_CONTACTS_SECRET }, 40013],
    ['the secret is not one of the corp', { corpid: DEMO_CORP_ID, corpsecret: 'wrong' }, 40001],
  ])('answers HTTP 200 with errcode when %s', async (_case, query, errcode) => {
    const response = await gettoken(query);
    expect(response.status).toBe(200);
    expect(response.body.errcode).toBe(errcode);
    expect(response.body.errmsg).toMatch(ERRMSG_SUFFIX);
    expect(ERRMSG_SUFFIX.exec(response.body.errmsg)?.[1]).toBe(String(errcode));
  });

  it('issues a token valid for 7200 seconds', async () => {
    const response = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_CONTACTS_SECRET });
    expect(response.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{1,512}$/),
      expires_in: 7200,
    });
  });

  it('returns the same token while it is valid, with its remaining lifetime', async () => {
    const first = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_CONTACTS_SECRET });
    sim.state.clock.advance(1000);
    const second = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_CONTACTS_SECRET });
    expect(second.body.access_token).toBe(first.body.access_token);
    expect(second.body.expires_in).toBe(6200);
  });

  it('binds each token to its secret: different secrets get different tokens', async () => {
    const contacts = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_CONTACTS_SECRET });
    const app = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_APP_SECRET });
    expect(app.body.access_token).not.toBe(contacts.body.access_token);
  });
});

describe('access_token on business APIs', () => {
  it('works from the query string', async () => {
    const token = await sim.tokenFor('contacts');
    const response = await request(sim.app)
      .get('/cgi-bin/department/get')
      .query({ access_token: token, id: 1 });
    expect(response.body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      department: { id: 1, name: '沃丰时代' },
    });
  });

  it('is missing (41001) when it is not in the query string at all', async () => {
    const response = await request(sim.app).get('/cgi-bin/department/list');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ errcode: 41001, department: [] });
  });

  it('is missing (41001) when sent in the JSON body', async () => {
    const token = await sim.tokenFor('contacts');
    const response = await request(sim.app)
      .post('/cgi-bin/user/list_id')
      .send({ access_token: token, limit: 10 });
    expect(response.body.errcode).toBe(41001);
  });

  it('is missing (41001) when sent as an Authorization: Bearer header', async () => {
    const token = await sim.tokenFor('contacts');
    const response = await request(sim.app)
      .get('/cgi-bin/user/get')
      .set('Authorization', `Bearer ${token}`)
      .query({ userid: 'admin' });
    expect(response.body.errcode).toBe(41001);
  });

  it('is invalid (40014) when never issued, and error bodies keep the list fields empty', async () => {
    const response = await request(sim.app)
      .get('/cgi-bin/user/get')
      .query({ access_token: 'forged', userid: 'admin' });
    expect(response.body).toMatchObject({
      errcode: 40014,
      department: [],
      order: [],
      is_leader_in_dept: [],
      direct_leader: [],
    });
    expect(response.body.errmsg).toMatch(/^invalid access_token, hint: /);
    expect(response.body.errmsg).toMatch(ERRMSG_SUFFIX);
  });

  it('is checked before the parameters: a forged token with a bad body is 40014', async () => {
    const response = await request(sim.app)
      .post('/cgi-bin/department/create')
      .query({ access_token: 'forged' })
      .send('{not json');
    expect(response.body.errcode).toBe(40014);
  });

  it('expires after 7200 seconds (42001), and gettoken then issues a new token that works', async () => {
    const token = await sim.tokenFor('contacts');
    sim.state.clock.advance(7200);
    const expired = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(expired.body).toMatchObject({ errcode: 42001, department: [] });
    expect(expired.body.errmsg).toMatch(/^access_token expired, hint: /);

    const fresh = await sim.tokenFor('contacts');
    expect(fresh).not.toBe(token);
    const works = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: fresh });
    expect(works.body.errcode).toBe(0);
  });

  it('is still valid one second before expiry', async () => {
    const token = await sim.tokenFor('contacts');
    sim.state.clock.advance(7199);
    const response = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(response.body.errcode).toBe(0);
  });

  it('advances through the scenario clock API too', async () => {
    const token = await sim.tokenFor('contacts');
    await request(sim.app).post('/sim/clock/advance').send({ seconds: 7200 }).expect(200);
    const response = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(response.body.errcode).toBe(42001);
  });

  it('turns invalid (40014) when the scenario API revokes the corp tokens early', async () => {
    const token = await sim.tokenFor('contacts');
    const invalidated = await request(sim.app).post(`/sim/corps/${DEMO_CORP_ID}/tokens/invalidate`).send({});
    expect(invalidated.body).toEqual({ mode: 'revoke', invalidated: 1 });
    const response = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(response.body.errcode).toBe(40014);
    expect(await sim.tokenFor('contacts')).not.toBe(token);
  });

  it('reports expired (42001) when the scenario API expires the corp tokens early', async () => {
    const token = await sim.tokenFor('app');
    await request(sim.app)
      .post(`/sim/corps/${DEMO_CORP_ID}/tokens/invalidate`)
      .send({ mode: 'expire' })
      .expect(200);
    const response = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(response.body.errcode).toBe(42001);
  });
});

describe('secret kinds', () => {
  it('forbids (48002) contacts writes with the self-built app secret', async () => {
    const token = await sim.tokenFor('app');
    const response = await request(sim.app)
      .post('/cgi-bin/department/create')
      .query({ access_token: token })
      .send({ name: '新部门', parentid: 1 });
    expect(response.body.errcode).toBe(48002);
  });

  it('forbids (48002) every contacts API to the chat-archive secret', async () => {
    const token = await sim.tokenFor('archive');
    const response = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(response.body).toMatchObject({ errcode: 48002, department: [] });
  });

  it('keeps user/list_id to the contact-sync secret', async () => {
    const token = await sim.tokenFor('externalContact');
    const response = await request(sim.app)
      .post('/cgi-bin/user/list_id')
      .query({ access_token: token })
      .send({});
    expect(response.body).toMatchObject({ errcode: 48002, dept_user: [] });
  });

  it('lets app secrets read contacts', async () => {
    const token = await sim.tokenFor('externalContact');
    const response = await request(sim.app)
      .get('/cgi-bin/user/get')
      .query({ access_token: token, userid: 'admin' });
    expect(response.body).toMatchObject({ errcode: 0, userid: 'admin' });
  });
});

describe('paths', () => {
  it('answers an unknown /cgi-bin path with 404 and an empty body', async () => {
    const response = await request(sim.app).get('/cgi-bin/no/such/api').query({ access_token: 'x' });
    expect(response.status).toBe(404);
    expect(response.text).toBe('');
  });

  it('answers any other unknown path with 404 and an empty body', async () => {
    const response = await request(sim.app).post('/somewhere');
    expect(response.status).toBe(404);
    expect(response.text).toBe('');
  });

  it('answers a POST API called with GET as a missing body (40058)', async () => {
    const token = await sim.tokenFor('contacts');
    const response = await request(sim.app).get('/cgi-bin/user/create').query({ access_token: token });
    expect(response.body.errcode).toBe(40058);
  });
});
