import request from 'supertest';
import { DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
beforeEach(() => {
  sim = createHarness();
});

describe('scenario API: the simulator', () => {
  it('reports health', async () => {
    expect((await request(sim.app).get('/sim/health')).body).toEqual({ ok: true });
  });

  it('moves the clock forward and refuses a non-positive step', async () => {
    const response = await request(sim.app).post('/sim/clock/advance').send({ seconds: 60 });
    expect(response.body.offsetSeconds).toBe(60);
    expect((await request(sim.app).post('/sim/clock/advance').send({ seconds: -5 })).status).toBe(400);
    expect((await request(sim.app).post('/sim/clock/advance').send({})).status).toBe(400);
  });

  it('slows a WeCom API down on request, and refuses a path that is not one', async () => {
    const token = await sim.tokenFor('contacts');
    await request(sim.app).put('/sim/latency').send({ path: '/user/list', ms: 150 }).expect(200);
    const slowStart = Date.now();
    await request(sim.app).get('/cgi-bin/user/list').query({ access_token: token, department_id: 1 });
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(140);
    expect((await request(sim.app).put('/sim/latency').send({ path: 'user/list', ms: 1 })).status).toBe(400);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await request(sim.app)
      .post('/sim/clock/advance')
      .set('content-type', 'application/json')
      .send('{oops');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/not valid JSON/);
  });

  it('resets to the seeded state: created corps, changes, tokens and clock are gone', async () => {
    const token = await sim.tokenFor('contacts');
    await request(sim.app).post('/sim/corps').send({ name: '测试公司' }).expect(201);
    await request(sim.app).delete(`/sim/corps/${DEMO_CORP_ID}/users/xieyun`).expect(200);
    await request(sim.app).post('/sim/clock/advance').send({ seconds: 100 });

    const reset = await request(sim.app).post('/sim/reset');
    expect(reset.body).toEqual({ ok: true, corps: [DEMO_CORP_ID] });
    expect(sim.state.clock.offsetSeconds()).toBe(0);
    const corp = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}`);
    expect(corp.body.users.map((user: { userid: string }) => user.userid)).toContain('xieyun');
    const stale = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(stale.body.errcode).toBe(40014);
  });
});

describe('scenario API: corps', () => {
  it('lists corps with their ids and secrets', async () => {
    const response = await request(sim.app).get('/sim/corps');
    expect(response.body.corps).toEqual([
      expect.objectContaining({
        corpId: DEMO_CORP_ID,
        name: '沃丰时代',
        appAgentId: 1000002,
        secrets: expect.objectContaining({ contacts: DEMO_CONTACTS_SECRET }),
      }),
    ]);
  });

  it('creates a corp with a generated ww-id and secrets that work with gettoken', async () => {
    const created = await request(sim.app).post('/sim/corps').send({ name: '测试公司' });
    expect(created.status).toBe(201);
    expect(created.body.corpId).toMatch(/^ww[0-9a-f]{16}$/);
    expect(created.body.departments).toEqual([
      expect.objectContaining({ id: 1, name: '测试公司', parentid: 0 }),
    ]);
    const token = await request(sim.app)
      .get('/cgi-bin/gettoken')
      .query({ corpid: created.body.corpId, corpsecret: created.body.secrets.externalContact });
    expect(token.body.errcode).toBe(0);
  });

  it('creates a corp with the id, secrets and agentId given', async () => {
    const created = await request(sim.app)
      .post('/sim/corps')
      .send({
        name: '另一家',
        corpId: 'ww0123456789abcdef',
        secrets: { contacts: 'my-contacts-secret' },
        appAgentId: 1000009,
      });
    expect(created.body).toMatchObject({
      corpId: 'ww0123456789abcdef',
      appAgentId: 1000009,
      secrets: { contacts: 'my-contacts-secret' },
    });
  });

  it('refuses a duplicate corpId (409) and a malformed body (400)', async () => {
    expect((await request(sim.app).post('/sim/corps').send({ name: 'x', corpId: DEMO_CORP_ID })).status).toBe(
      409,
    );
    expect((await request(sim.app).post('/sim/corps').send({ name: 'x', corpId: 'abc' })).status).toBe(400);
    const missingName = await request(sim.app).post('/sim/corps').send({});
    expect(missingName.status).toBe(400);
    expect(missingName.body.error).toMatch(/name/);
  });

  it('summarises a corp: departments, users with every field, live tokens, callbacks, deliveries', async () => {
    await sim.tokenFor('app');
    const response = await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}`);
    expect(response.body).toMatchObject({
      corpId: DEMO_CORP_ID,
      callbacks: { contacts: null },
      tokens: [{ kind: 'app', expiresAt: expect.any(String) }],
      deliveries: { total: 0, delivered: 0, failed: 0, pending: 0 },
    });
    expect(response.body.departments).toHaveLength(13);
    expect(response.body.users).toHaveLength(30);
    expect(response.body.users[0]).toHaveProperty('mobile');
  });

  it('answers 404 for an unknown corp', async () => {
    expect((await request(sim.app).get('/sim/corps/ww0000000000000000')).status).toBe(404);
  });
});
