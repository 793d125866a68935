import { createHash } from 'node:crypto';
import request from 'supertest';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
const DOMAIN = 'demo.udesk.cn';
const ADMIN = 'admin@demo.cn';
const TOKEN = 'tok-0001';

function signed(email: string, token: string, overrides: Record<string, string> = {}) {
  const timestamp = overrides.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = overrides.nonce ?? `n-${Math.random()}`;
  const sign = createHash('sha256').update(`${email}&${token}&${timestamp}&${nonce}&v2`).digest('hex');
  return { email, timestamp, nonce, sign, sign_version: 'v2', ...overrides };
}

const agents = (query: Record<string, string>, domain = DOMAIN) =>
  request(sim.app).get(`/udesk/${domain}/open_api_v1/agents`).query(query);

beforeEach(async () => {
  sim = createHarness();
  await request(sim.app)
    .post('/sim/udesk/companies')
    .send({ domain: DOMAIN, adminEmail: ADMIN, apiToken: TOKEN })
    .expect(201);
});

describe('the simulated Udesk open API (v2 signature)', () => {
  it('answers code 1000 and the 客服 list to a call signed with the admin email and token', async () => {
    const answer = await agents(signed(ADMIN, TOKEN)).expect(200);
    expect(answer.body).toMatchObject({ code: 1000, agents: [expect.objectContaining({ email: ADMIN })] });
  });

  it('refuses a wrong token, another email, a reused nonce, a stale timestamp and a missing sign', async () => {
    expect((await agents(signed(ADMIN, 'wrong'))).body).toEqual({ code: 2005, message: '签名验证失败' });
    expect((await agents(signed('other@demo.cn', TOKEN))).body.code).toBe(2004);
    const once = signed(ADMIN, TOKEN, { nonce: 'same' });
    expect((await agents(once)).body.code).toBe(1000);
    expect((await agents(once)).body.code).toBe(2003);
    const stale = signed(ADMIN, TOKEN, { timestamp: String(Math.floor(Date.now() / 1000) - 16 * 60) });
    expect((await agents(stale)).body.code).toBe(2002);
    // WeCom's simulated time moving on is no time passing at Udesk.
    sim.state.clock.advance(24 * 3600);
    expect((await agents(signed(ADMIN, TOKEN))).body.code).toBe(1000);
    expect((await agents({ ...signed(ADMIN, TOKEN), sign: '' })).body.code).toBe(2000);
  });

  it('is a bare 404 at a domain with no Udesk company', async () => {
    const answer = await agents(signed(ADMIN, TOKEN), 'nobody.udesk.cn').expect(404);
    expect(answer.text).toBe('');
  });
});
