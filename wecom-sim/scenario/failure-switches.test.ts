import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('contacts');
});

const createDepartment = (name: string) =>
  request(sim.app)
    .post('/cgi-bin/department/create')
    .query({ access_token: token })
    .send({ name, parentid: 1 });

describe('scenario API: a read-only contacts secret (通讯录只读)', () => {
  it('refuses every contacts write with 48002 but still reads, until switched back', async () => {
    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/contacts-permission`)
      .send({ mode: 'read-only' })
      .expect(200);
    expect((await createDepartment('只读测试')).body.errcode).toBe(48002);
    const deleteUser = await request(sim.app)
      .get('/cgi-bin/user/delete')
      .query({ access_token: token, userid: 'xieyun' });
    expect(deleteUser.body.errcode).toBe(48002);
    const list = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(list.body.errcode).toBe(0);
    expect((await request(sim.app).get(`/sim/corps/${DEMO_CORP_ID}`)).body.contactsPermission).toBe(
      'read-only',
    );

    await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/contacts-permission`)
      .send({ mode: 'read-write' })
      .expect(200);
    expect((await createDepartment('只读测试')).body.errcode).toBe(0);
  });

  it('refuses an unknown mode', async () => {
    const response = await request(sim.app)
      .put(`/sim/corps/${DEMO_CORP_ID}/contacts-permission`)
      .send({ mode: 'write-only' });
    expect(response.status).toBe(400);
  });
});

describe('scenario API: a WeCom outage', () => {
  it('answers "system busy" (-1) while it lasts, then serves calls again, and counts what it failed', async () => {
    await request(sim.app).put('/sim/outage').send({ mode: 'busy' }).expect(200);
    const busy = await createDepartment('停机期间');
    expect(busy.status).toBe(200);
    expect(busy.body.errcode).toBe(-1);
    const status = await request(sim.app).put('/sim/outage').send({ mode: 'off' });
    expect(status.body).toMatchObject({ active: false });
    expect((await createDepartment('停机之后')).body.errcode).toBe(0);
  });

  it('answers HTTP 503 on the chosen paths only, gettoken included when named', async () => {
    await request(sim.app)
      .put('/sim/outage')
      .send({ mode: 'http-503', paths: ['/department/create', '/gettoken'] })
      .expect(200);
    expect((await createDepartment('网关故障')).status).toBe(503);
    const list = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(list.body.errcode).toBe(0);
    expect((await request(sim.app).get('/sim/outage')).body).toMatchObject({ active: true, failedCalls: 1 });
  });

  it('reaches the Finance SDK stand-ins too, by their own paths, as an outage of WeCom reaches the real SDK', async () => {
    const getChatData = () =>
      request(sim.app)
        .post('/finance/getchatdata')
        .send({ corpid: DEMO_CORP_ID, secret: 'x', seq: 0, limit: 1 });
    await request(sim.app).put('/sim/outage').send({ mode: 'busy' }).expect(200);
    expect((await getChatData()).body).toEqual({ errcode: -1, errmsg: 'system busy' });
    await request(sim.app)
      .put('/sim/outage')
      .send({ mode: 'http-503', paths: ['/finance/getmediadata'] })
      .expect(200);
    expect((await getChatData()).body.errcode).toBe(40001);
    await request(sim.app)
      .put('/sim/outage')
      .send({ mode: 'http-503', paths: ['/finance/getchatdata'] });
    expect((await getChatData()).status).toBe(503);
    await request(sim.app).put('/sim/outage').send({ mode: 'off' });
    await request(sim.app).put('/sim/latency').send({ path: '/finance/getchatdata', ms: 150 }).expect(200);
    const slowStart = Date.now();
    expect((await getChatData()).body.errcode).toBe(40001);
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(140);
  });

  it('is over after a reset', async () => {
    await request(sim.app).put('/sim/outage').send({ mode: 'busy' }).expect(200);
    await request(sim.app).post('/sim/reset').expect(200);
    expect((await request(sim.app).get('/sim/outage')).body.active).toBe(false);
  });

  it('with a corpId fails that corp’s calls only, gettoken included, and ends for that corp alone', async () => {
    await request(sim.app)
      .put('/sim/outage')
      .send({ mode: 'busy', paths: ['/department/list', '/gettoken'], corpId: 'ww-other-corp' })
      .expect(200);
    const list = await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token });
    expect(list.body.errcode).toBe(0);
    const otherToken = await request(sim.app).get('/cgi-bin/gettoken').query({ corpid: 'ww-other-corp' });
    expect(otherToken.body.errcode).toBe(-1);

    await request(sim.app)
      .put('/sim/outage')
      .send({ mode: 'busy', paths: ['/department/list'], corpId: DEMO_CORP_ID })
      .expect(200);
    expect(
      (await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token })).body.errcode,
    ).toBe(-1);
    expect((await request(sim.app).get('/sim/outage').query({ corpId: DEMO_CORP_ID })).body).toMatchObject({
      active: true,
      failedCalls: 1,
    });
    await request(sim.app).put('/sim/outage').send({ mode: 'off', corpId: DEMO_CORP_ID }).expect(200);
    expect(
      (await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token })).body.errcode,
    ).toBe(0);
    expect((await request(sim.app).get('/sim/outage').query({ corpId: 'ww-other-corp' })).body.active).toBe(
      true,
    );
  });
});

describe('scenario API: a slow WeCom', () => {
  it('with a corpId delays that corp’s calls only', async () => {
    await request(sim.app)
      .put('/sim/latency')
      .send({ path: '/department/list', ms: 400, corpId: 'ww-other-corp' })
      .expect(200);
    let began = Date.now();
    await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token }).expect(200);
    expect(Date.now() - began).toBeLessThan(400);

    const latency = await request(sim.app)
      .put('/sim/latency')
      .send({ path: '/department/list', ms: 400, corpId: DEMO_CORP_ID })
      .expect(200);
    expect(latency.body.latency).toEqual(
      expect.arrayContaining([{ path: '/department/list', ms: 400, corpId: DEMO_CORP_ID }]),
    );
    began = Date.now();
    await request(sim.app).get('/cgi-bin/department/list').query({ access_token: token }).expect(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(390);
  });
});
