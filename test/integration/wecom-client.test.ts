// Runs alone: it turns the simulator's rate-limit and latency switches on WeCom API paths, which every suite's calls go through.
import { ApplicationFailure } from '@temporalio/common';
import { withWeComFailures } from '../../activities/wecom-failure';
import { WeComCallBudget, WeComRateLimitedError } from '../../lib/wecom/call-budget';
import { TRANSPORT_FAILURE, WeComClient, type WeComCredentials } from '../../lib/wecom/client';
import { createContactsApi } from '../../lib/wecom/contacts-api';
import { WeComApiError } from '../../lib/wecom/errors';
import { simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';

async function invalidateTokens(corpId: string, mode: 'revoke' | 'expire') {
  const response = await fetch(`${stackEnv.wecomApiBase}/sim/corps/${corpId}/tokens/invalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  expect(response.ok).toBe(true);
}

describe('the WeCom client against the simulator', () => {
  let corp: SimCorp;
  let credentials: WeComCredentials;

  beforeAll(async () => {
    corp = await simulator.createCorp('客户端测试企业');
    credentials = {
      tenantId: 'client-t',
      corpId: corp.corpId,
      secretKind: 'contacts',
      secret: corp.secrets.contacts,
    };
  });

  it('fetches a token once and reuses it', async () => {
    const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
    const first = await contacts.listDepartments(credentials);
    const second = await contacts.listDepartments(credentials);
    expect(first).toEqual(second);
    expect(first[0]).toMatchObject({ id: 1, parentid: 0 });
  });

  it.each(['revoke', 'expire'] as const)(
    'when WeCom drops the token early (%s: 40014 / 42001), fetches a new one and retries once',
    async (mode) => {
      const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
      await contacts.listDepartments(credentials);
      await invalidateTokens(corp.corpId, mode);
      await expect(contacts.listDepartments(credentials)).resolves.toHaveLength(1);
    },
  );

  it('reports a wrong secret as a configuration error (40001), not a retryable one', async () => {
    const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
    const failure = await contacts
      .listDepartments({ ...credentials, secret: 'wrong-secret' })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(WeComApiError);
    expect(failure).toMatchObject({ errcode: 40001, kind: 'configuration', retryable: false });
  });

  it('reports a business error with its errcode (60111 for an unknown member)', async () => {
    const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
    const failure = await contacts.getUser(credentials, 'nobody').catch((e) => e);
    expect(failure).toMatchObject({ errcode: 60111, kind: 'business' });
  });

  it('reports an unknown API path (HTTP 404) as a configuration problem', async () => {
    const client = new WeComClient({ baseUrl: `${stackEnv.wecomApiBase}/not-wecom` });
    const failure = await client
      .call(credentials, { method: 'GET', path: '/department/list' })
      .catch((e) => e);
    expect(failure).toMatchObject({ errcode: 404, kind: 'configuration' });
  });

  it('reports every exchange to its observer: outcomes by errcode, token expiry, and checkSecret skips the cache', async () => {
    const calls: Array<{ path: string; errcode: number }> = [];
    const tokens: Array<{ secretKind: string; expiresAt: Date }> = [];
    const client = new WeComClient({
      baseUrl: stackEnv.wecomApiBase,
      observer: {
        callFinished: ({ path, errcode }) => calls.push({ path, errcode }),
        tokenIssued: ({ secretKind, expiresAt }) => tokens.push({ secretKind, expiresAt }),
      },
    });
    const contacts = createContactsApi(client);
    await contacts.listDepartments(credentials);
    await contacts.getUser(credentials, 'nobody').catch(() => undefined);
    await client.checkSecret(credentials);
    await client.checkSecret({ ...credentials, secret: 'wrong-secret' }).catch(() => undefined);
    expect(calls).toEqual([
      { path: '/gettoken', errcode: 0 },
      { path: '/department/list', errcode: 0 },
      { path: '/user/get', errcode: 60111 },
      { path: '/gettoken', errcode: 0 },
      { path: '/gettoken', errcode: 40001 },
    ]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0].secretKind).toBe('contacts');
    expect(tokens[0].expiresAt.getTime()).toBeGreaterThan(Date.now());

    const unreachable = new WeComClient({
      baseUrl: 'http://127.0.0.1:9',
      observer: {
        callFinished: ({ errcode }) => calls.push({ path: 'x', errcode }),
        tokenIssued: () => undefined,
      },
    });
    await unreachable.checkSecret(credentials).catch(() => undefined);
    expect(calls.at(-1)).toEqual({ path: 'x', errcode: TRANSPORT_FAILURE });
  });
});

describe("the WeCom client within WeCom's frequency limits (simulator answering 45009 / 45033)", () => {
  let credentials: WeComCredentials;
  const PATH = '/department/list';

  beforeAll(async () => {
    const corp = await simulator.createCorp('限流测试企业');
    credentials = {
      tenantId: 'budget-t',
      corpId: corp.corpId,
      secretKind: 'contacts',
      secret: corp.secrets.contacts,
    };
  });

  afterEach(async () => {
    await simulator.setRateLimit(PATH, {});
  });

  const refusedBySimulator = async () =>
    (await simulator.rateLimits()).limits.find((limit) => limit.path === PATH)?.refused ?? 0;

  it('keeps under its own budget: calls beyond it are held back without reaching WeCom', async () => {
    await simulator.setRateLimit(PATH, { perMinute: 5 });
    const budget = new WeComCallBudget({ perMinute: 5, perHour: 100, concurrent: 10, maxWaitMs: 1_000 });
    const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase, budget }));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => contacts.listDepartments(credentials)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    const held = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(held).toHaveLength(3);
    for (const error of held) expect(error).toBeInstanceOf(WeComRateLimitedError);
    expect(await refusedBySimulator()).toBe(0);
    // An activity retries such a call when the budget has room again, not at once.
    const failure = await withWeComFailures(() => Promise.reject(held[0])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).nextRetryDelay).toBeGreaterThan(1_000);
  });

  it('after WeCom answers 45009, calls nothing more of that API for the penalty minute', async () => {
    await simulator.setRateLimit(PATH, { perMinute: 2 });
    const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
    await contacts.listDepartments(credentials);
    await contacts.listDepartments(credentials);
    await expect(contacts.listDepartments(credentials)).rejects.toMatchObject({ errcode: 45009 });
    expect(await refusedBySimulator()).toBe(1);
    for (let i = 0; i < 5; i += 1)
      await expect(contacts.listDepartments(credentials)).rejects.toBeInstanceOf(WeComRateLimitedError);
    expect(await refusedBySimulator()).toBe(1);
  });

  it('answers 45033 (too many at once) by trying again after a pause, and the calls get through', async () => {
    await simulator.setRateLimit(PATH, { concurrent: 2 });
    await simulator.setLatency(PATH, 150);
    try {
      const contacts = createContactsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
      await contacts.listDepartments(credentials); // the token first, so the calls below race on PATH only
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => contacts.listDepartments(credentials)),
      );
      expect(answers.every((departments) => departments.length > 0)).toBe(true);
      expect(await refusedBySimulator()).toBeGreaterThan(0);
    } finally {
      await simulator.setLatency(PATH, 0);
    }
  });
});
