// Slow (100 s): schemathesis fuzzes the api for a fixed time, as a tenant admin and as a read-only member at once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { StaffModel } from '../../lib/models/staff.model';
import { ANY_LOGGED_IN_USER } from '../../api/auth/authorize';
import { OPENAPI_PATH } from '../../api/openapi/registry';
import { startTestApp, type TestApp } from '../support/app-harness';
import { populateCustomerCorp, simulator } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { summariseFuzzRun, type FuzzSummary } from '../support/fuzz-report';
import { sessionCookie } from '../support/session-cookie';

const TENANT = freshTenantId('api-fuzz');
const ADMIN_MOBILE = '13700000181';
/** The read-only member's tenant, of a corp of its own, and its admin who sets the member up. */
const READER_TENANT = freshTenantId('api-fuzz-reader');
const READER_ADMIN_MOBILE = '13700000183';
const READER = { userid: 'reader', name: '只读员工', mobile: '13700000182', departmentIds: [1] };
const READER_PASSWORD = 'Reader1234';
/**
 * Seconds of fuzzing per session, the run's share of `npm test`. schemathesis' coverage phase (every operation's
 * edge cases) takes about 45 s on a quiet machine and its random phase gets the rest; sharing the cores in a full
 * run, 60 s did not see the coverage phase through.
 */
const BUDGET_SECONDS = Number(process.env.SCRM_FUZZ_SECONDS ?? 90);
const SEED = Number(process.env.SCRM_FUZZ_SEED ?? Date.now() % 100_000);

/**
 * Schemathesis against the running api's own OpenAPI document, as a logged-in tenant admin and as a
 * logged-in member whose role may only read: no answer is a 5xx, every 4xx is a JSON error with a Chinese
 * message, and no answer breaks the schema its operation declares. The seed is printed so a failing run
 * can be replayed (SCRM_FUZZ_SEED), the figures so a change in them shows.
 */
describe('API fuzzing (schemathesis)', () => {
  let app: TestApp;
  /** Both sessions' runs, started side by side in beforeAll; each test awaits its own. */
  let runs: Record<'admin' | 'reader', Promise<FuzzSummary>>;
  const reportDir = path.resolve(process.env.STACK_LOG_DIR ?? '.stack/test/logs', 'fuzz');

  beforeAll(async () => {
    // The fuzzer sends every filter of a list in random combinations: new shapes of filters the functional
    // suites already send, and different ones each seed. The pushdown check reviews what the product sends.
    app = await startTestApp('api-fuzz', { SCRM_QUERY_SHAPES_FILE: '' });
    // The two sessions fuzz side by side, each in a tenant of its own: the admin's run edits the members, roles
    // and passwords it finds, and must not reach the read-only member's session.
    const [corp, readerCorp] = await Promise.all([
      simulator.createCorp('接口模糊测试企业'),
      simulator.createCorp('接口模糊测试只读企业'),
    ]);
    await Promise.all([populateCustomerCorp(corp.corpId), populateCustomerCorp(readerCorp.corpId)]);
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    await createBoundTenant(READER_TENANT, readerCorp, { adminMobile: READER_ADMIN_MOBILE });
    fs.mkdirSync(reportDir, { recursive: true });
    const adminCookie = await sessionCookie(app.baseUrl, ADMIN_MOBILE, ADMIN_PASSWORD);
    const reader = await readerCookie(await sessionCookie(app.baseUrl, READER_ADMIN_MOBILE, ADMIN_PASSWORD));
    runs = { admin: fuzz('admin', adminCookie), reader: fuzz('reader', reader) };
    // Each is awaited by its test; until then a failed start must not count as an unhandled rejection.
    for (const run of Object.values(runs)) run.catch(() => undefined);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** A role holding only what the GET routes need: a read-only member. */
  async function readerCookie(adminCookie: string): Promise<string> {
    const document = (await request(app.baseUrl).get(OPENAPI_PATH).expect(200)).body as {
      paths: Record<string, { get?: { 'x-permission'?: string[] } }>;
    };
    const readKeys = new Set(
      Object.values(document.paths).flatMap((operations) =>
        (operations.get?.['x-permission'] ?? []).filter((key) => key !== ANY_LOGGED_IN_USER),
      ),
    );
    const admin = (method: 'post' | 'put', url: string) =>
      request(app.baseUrl)[method](url).set('Cookie', adminCookie);
    const role = await admin('post', '/api/roles')
      .send({ name: '只读角色', functionPermissions: [...readKeys], dataScope: 'all' })
      .expect(201);
    await StaffModel.create({ tenantId: READER_TENANT, ...READER, roleId: role.body.id });
    await admin('put', `/api/org/staff/${READER.userid}/system-access`).send({ enabled: true }).expect(200);
    await admin('put', `/api/org/staff/${READER.userid}/password`)
      .send({ password: READER_PASSWORD })
      .expect(204);
    return sessionCookie(app.baseUrl, READER.mobile, READER_PASSWORD);
  }

  function fuzz(who: string, cookie: string): Promise<FuzzSummary> {
    const ndjson = path.join(reportDir, `${who}.ndjson`);
    fs.rmSync(ndjson, { force: true });
    const args = [
      'run',
      `${app.baseUrl}${OPENAPI_PATH}`,
      '--header',
      `Cookie: ${cookie}`,
      '--checks',
      'not_a_server_error,response_schema_conformance',
      '--max-examples',
      '10',
      '--max-time',
      String(BUDGET_SECONDS),
      '--seed',
      String(SEED),
      '--workers',
      '1',
      '--request-timeout',
      '30',
      '--suppress-health-check',
      'all',
      '--phases',
      'examples,coverage,fuzzing',
      // Logging out or changing one's own password would end the session the run goes on with.
      '--exclude-path-regex',
      '^/api/auth/(logout|password)$',
      '--report',
      'ndjson',
      '--report-ndjson-path',
      ndjson,
      '--no-color',
    ];
    return new Promise((resolve, reject) => {
      // Its own cache (.schemathesis/) goes beside the reports, not into the checkout.
      const run = spawn(stackEnv.schemathesisBin, args, {
        cwd: reportDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      run.stdout.on('data', (chunk) => (output += chunk));
      run.stderr.on('data', (chunk) => (output += chunk));
      run.on('error', reject);
      run.on('close', () => {
        fs.writeFileSync(path.join(reportDir, `${who}.txt`), output);
        try {
          resolve(summariseFuzzRun(fs.readFileSync(ndjson, 'utf8')));
        } catch (error) {
          reject(
            new Error(`schemathesis left no report (${(error as Error).message}); it printed:\n${output}`),
          );
        }
      });
    });
  }

  function expectClean(who: string, summary: FuzzSummary): void {
    console.log(
      `schemathesis as ${who} (seed ${SEED}): ${summary.requests} requests over ${summary.operations} operations; ` +
        `${summary.byStatusClass['2xx'] ?? 0} 2xx, ${summary.byStatusClass['4xx'] ?? 0} 4xx, ` +
        `${summary.byStatusClass['5xx'] ?? 0} 5xx; ${summary.failures.length} failed checks`,
    );
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.failures).toEqual([]);
  }

  it('finds no server error, no non-Chinese 4xx, no schema break and no request left unanswered as the tenant admin', async () => {
    expectClean('admin', await runs.admin);
  }, 600_000);

  it('finds none as a member whose role may only read', async () => {
    expectClean('reader', await runs.reader);
  }, 600_000);
});
