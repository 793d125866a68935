import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('login-abuse');
const ADMIN_MOBILE = '13700000201';
/** The production default (the test profile's is 1,000, for the suites' own logins). */
const PER_ADDRESS = 20;

/**
 * Password guessing (issue 18): a number is locked after 5 wrong passwords, an address after PER_ADDRESS
 * attempts a minute whatever numbers it tries. The figures are printed so that a change in them shows. Each part
 * comes from an address of its own (X-Forwarded-For through the loopback proxy the api trusts).
 */
describe('login brute force: limited per number and per address', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('login-abuse', { LOGIN_ATTEMPTS_PER_MINUTE: String(PER_ADDRESS) });
    const corp = await simulator.createCorp('登录防爆破企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
  });

  afterAll(async () => {
    await app?.stop();
  });

  const login = (from: string, phone: string, password: string) =>
    request(app.baseUrl).post('/api/auth/login').set('X-Forwarded-For', from).send({ phone, password });

  /** How many attempts got an answer about the password before the first 429, and that 429's message. */
  async function attemptsUntilRefused(attempt: (n: number) => Promise<request.Response>, most: number) {
    for (let n = 0; n < most; n += 1) {
      const answer = await attempt(n);
      if (answer.status === 429) return { allowed: n, message: answer.body.error.message as string };
    }
    return { allowed: most, message: '' };
  }

  it('locks a number after 5 wrong passwords, from any address, the right password included', async () => {
    const guessed = await attemptsUntilRefused(
      (n) => login(`198.51.100.${n + 1}`, ADMIN_MOBILE, `wrong-${n}`),
      20,
    );
    const rightOne = await login('198.51.100.200', ADMIN_MOBILE, ADMIN_PASSWORD);
    console.log(
      `login per number: ${guessed.allowed} wrong passwords answered from ${guessed.allowed} addresses, then ` +
        `429 "${guessed.message}"; the right password then: ${rightOne.status}`,
    );
    expect(guessed).toEqual({ allowed: 5, message: '密码错误次数过多，请 15 分钟后再试' });
    expect(rightOne.status).toBe(429);
  });

  it(`refuses an address after ${PER_ADDRESS} attempts a minute, whatever numbers it tries`, async () => {
    const sprayed = await attemptsUntilRefused(
      (n) => login('203.0.113.9', `1390000${String(n).padStart(4, '0')}`, 'guess'),
      PER_ADDRESS * 3,
    );
    const elsewhere = await login('203.0.113.10', '13900009999', 'guess');
    console.log(
      `login per address: ${sprayed.allowed} attempts in a minute, then 429 "${sprayed.message}"; ` +
        `another address meanwhile: ${elsewhere.status}`,
    );
    expect(sprayed).toEqual({ allowed: PER_ADDRESS, message: '登录尝试过于频繁，请稍后再试' });
    expect(elsewhere.status).toBe(401);
  });
});
