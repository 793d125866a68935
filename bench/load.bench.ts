/**
 * Load (issue 18 item 4): the endpoints that take traffic, each hammered with autocannon over loopback at 8 and
 * 64 keep-alive connections for a bounded time, beside a bare Express handler in the same api process as the
 * ceiling. The api runs in a child process (bench/support/load-target.ts) so the load generator here does not
 * share its event loop; the data is seeded first and its sizes printed.
 *
 * Every response is checked: a non-2xx or an unanswered request is an error, and a 2xx whose body is not the
 * endpoint's real answer is a wrong body; before each endpoint's cells one request is checked in full. Any error or
 * wrong body makes the bench exit non-zero, so a run of 401s or 429s cannot pass as fast.
 *
 *   SCRM_LOAD_SECONDS=5            seconds per cell (endpoint × connections)
 *   SCRM_LOAD_WARMUP_SECONDS=1     uncounted warm-up per endpoint, at the first connection count
 *   SCRM_LOAD_CONNECTIONS=8,64     connection counts
 *   SCRM_LOAD_CUSTOMERS=20000      customers seeded (MongoDB and the customer index)
 *   SCRM_LOAD_MESSAGES=100000      archived messages seeded (the chat index)
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { CallbackInboxModel } from '../lib/models/callback-inbox.model';
import { GroupCodeGroupModel } from '../lib/models/group-code-group.model';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { runCell, type CellRequest, type CellResult } from './support/load-cell';
import { seedArchive, seedCustomers, seedGroupCode, seedTenant, type LoadTenant } from './support/load-seed';
import type { LoadTargetCpu, LoadTargetReady } from './support/load-target';
import { addContactDeliveries } from './support/signed-callback';

const SECONDS = Number(process.env.SCRM_LOAD_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.SCRM_LOAD_WARMUP_SECONDS ?? 1);
const CONNECTIONS = (process.env.SCRM_LOAD_CONNECTIONS ?? '8,64').split(',').map(Number);
const CUSTOMERS = Number(process.env.SCRM_LOAD_CUSTOMERS ?? 20_000);
const MESSAGES = Number(process.env.SCRM_LOAD_MESSAGES ?? 100_000);
/** A word of the corpus's quote template: common, as a real search for it would be. */
const KEYWORD = '报价单';
/** Time for the last cell's abandoned requests to finish before the api stops. */
const SETTLE_MS = 5_000;
/** The customer list counts exactly up to here (CUSTOMER_TOTAL_CAP). */
const LIST_TOTAL_CAP = 10_000;

interface Endpoint {
  name: string;
  request: CellRequest;
  /** One request checked in full before the cells: answers what it saw, or throws. */
  check: () => Promise<string>;
  /** After each cell, for endpoints that write: what was written, checked against the 2xx answers. */
  afterCell?: (ok: number) => Promise<string>;
}

function startTarget(): { child: ChildProcess; ready: Promise<LoadTargetReady> } {
  const child = fork(path.join(__dirname, 'support', 'load-target.ts'), { stdio: 'inherit' });
  const ready = new Promise<LoadTargetReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the load target exited (${code}) before it was ready`)));
    child.on('message', (message: { kind?: string }) => {
      if (message.kind === 'ready') resolve(message as LoadTargetReady);
    });
  });
  return { child, ready };
}

/** The api process's CPU seconds so far. */
function targetCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { kind?: string }) => {
      if (message.kind !== 'cpu') return;
      child.off('message', onMessage);
      resolve((message as LoadTargetCpu).seconds);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

async function expectJson(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function logIn(apiUrl: string, tenant: LoadTenant): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tenant.login),
  });
  await expectJson(response, 'login');
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

function endpoints(ready: LoadTargetReady, tenant: LoadTenant, codeId: string, cookie: string): Endpoint[] {
  const api = ready.apiUrl;
  const scanUrl = `${api}/api/public/group-codes/${tenant.tenantId}/${codeId}/scans`;
  const listUrl = `${api}/api/customers?page=1&pageSize=20`;
  const searchUrl = `${api}/api/archive/search?staffUserid=staff-0&keyword=${encodeURIComponent(KEYWORD)}`;
  const loginBody = JSON.stringify(tenant.login);
  const json = { 'content-type': 'application/json' };
  const nextDelivery = addContactDeliveries({ corpId: tenant.corpId, ...tenant.customersCallback });
  const callbackPath = `/wecom/callback/${tenant.tenantId}/customers`;
  const delivery = () => {
    const { query, body } = nextDelivery();
    return { path: `${callbackPath}?${query}`, body };
  };
  const inboxRows = () => CallbackInboxModel.countDocuments({ tenantId: tenant.tenantId });
  let inboxBefore = 0;

  return [
    {
      name: 'bare Express (ceiling)',
      request: { url: `${ready.bareUrl}/`, verifyBody: (body) => body === '{"ok":true}' },
      check: async () => {
        const body = await expectJson(await fetch(`${ready.bareUrl}/`), 'bare Express');
        if (body.ok !== true) throw new Error(`bare Express answered ${JSON.stringify(body)}`);
        return '{"ok":true}';
      },
    },
    {
      name: '群活码 landing scan',
      request: {
        url: scanUrl,
        method: 'POST',
        headers: json,
        body: '{}',
        verifyBody: (body) => body.includes('"group":{"id":'),
      },
      check: async () => {
        const body = await expectJson(
          await fetch(scanUrl, { method: 'POST', headers: json, body: '{}' }),
          'the scan',
        );
        const group = body.group as { id?: string } | null;
        if (!group?.id || !(await GroupCodeGroupModel.exists({ tenantId: tenant.tenantId, _id: group.id })))
          throw new Error(`the scan was handed no group of the code: ${JSON.stringify(body)}`);
        return `handed a group (${(group as { name?: string }).name})`;
      },
    },
    {
      name: '客户列表 customer list',
      request: { url: listUrl, headers: { cookie }, verifyBody: (body) => body.includes('"items":[{') },
      check: async () => {
        const body = await expectJson(await fetch(listUrl, { headers: { cookie } }), 'the customer list');
        const expected = Math.min(CUSTOMERS, LIST_TOTAL_CAP);
        const items = body.items as unknown[];
        if (body.total !== expected || items.length !== Math.min(20, CUSTOMERS))
          throw new Error(`the customer list answered total ${body.total}, ${items.length} rows`);
        return `page of ${items.length}, total ${body.total}${body.totalCapped ? '+' : ''}`;
      },
    },
    {
      name: '内容存档 archive search',
      request: { url: searchUrl, headers: { cookie }, verifyBody: (body) => body.includes('"items":[{') },
      check: async () => {
        const body = await expectJson(await fetch(searchUrl, { headers: { cookie } }), 'the archive search');
        const items = body.items as Array<{ segments: Array<{ hit: boolean }> }>;
        if (!items.length || !items.every((item) => item.segments.some((segment) => segment.hit)))
          throw new Error(`the archive search found no marked hits: ${JSON.stringify(body).slice(0, 300)}`);
        return `"${KEYWORD}" in staff-0's chats: ${body.total}${body.totalCapped ? '+' : ''} hits`;
      },
    },
    {
      name: '登录 login',
      request: {
        url: `${api}/api/auth/login`,
        method: 'POST',
        headers: json,
        body: loginBody,
        verifyBody: (body) => body.includes('"message":"登录成功"'),
      },
      check: async () => {
        const cookies = (await logIn(api, tenant)).split('; ').length;
        return `登录成功, ${cookies} cookie(s) set`;
      },
    },
    {
      name: '企微回调 WeCom callback',
      request: {
        url: `${api}${callbackPath}`,
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        next: delivery,
        verifyBody: (body) => body === 'success',
      },
      check: async () => {
        const { path: sent, body } = delivery();
        const before = await inboxRows();
        const response = await fetch(`${api}${sent}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body,
        });
        const text = await response.text();
        if (response.status !== 200 || text !== 'success')
          throw new Error(`the callback answered ${response.status}: ${text.slice(0, 300)}`);
        if ((await inboxRows()) !== before + 1) throw new Error('the callback stored no inbox row');
        inboxBefore = before + 1;
        return 'success, one inbox row stored';
      },
      afterCell: async (ok) => {
        const now = await inboxRows();
        const stored = now - inboxBefore;
        inboxBefore = now;
        // Requests still in flight when the cell ends may be stored without their answer being counted.
        if (stored < ok) throw new Error(`${ok} callbacks answered success but only ${stored} were stored`);
        return `${stored} stored for ${ok} answered`;
      },
    },
  ];
}

/** Console columns: a Han character takes two. */
const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - text.length - (text.match(/\p{Script=Han}/gu)?.length ?? 0)));

function printTable(rows: Array<{ endpoint: string; connections: number; result: CellResult; cpu: number }>) {
  const header = [
    padEnd('endpoint', 26),
    'conns'.padStart(5),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
    'api CPU'.padStart(8),
  ].join(' ');
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const { endpoint, connections, result, cpu } of rows) {
    console.log(
      [
        padEnd(endpoint, 26),
        String(connections).padStart(5),
        result.requestsPerSecond.toFixed(0).padStart(8),
        result.p50.toFixed(1).padStart(8),
        result.p95.toFixed(1).padStart(8),
        result.p99.toFixed(1).padStart(8),
        String(result.errors + result.wrongBodies).padStart(7),
        `${(cpu * 100).toFixed(0)}%`.padStart(8),
      ].join(' '),
    );
  }
  console.log(
    '\nerrors: non-2xx answers, timeouts and socket errors, plus 2xx answers whose body was not the real one;',
  );
  console.log(
    'api CPU: the api process’s CPU time over the cell’s wall time (100% = one core, its event loop).',
  );
}

async function main(): Promise<void> {
  const { child, ready: readyPromise } = startTarget();
  let failed = false;
  try {
    const ready = await readyPromise;
    await connectDatabase(ready.mongoUrl);
    const es = new ElasticsearchClient({ node: ready.esUrl, requestTimeout: 120_000 });
    const temporal = await connectTemporalClient(ready.temporalAddress, ready.temporalNamespace);
    try {
      const began = Date.now();
      const tenant = await seedTenant();
      const search = { es, indexPrefix: ready.esIndexPrefix, temporal, taskQueue: ready.taskQueue };
      await seedCustomers(search, tenant.tenantId, CUSTOMERS);
      await seedArchive(es, ready.esIndexPrefix, tenant.tenantId, MESSAGES);
      const codeId = await seedGroupCode(tenant.tenantId);
      console.log(
        `seeded in ${((Date.now() - began) / 1000).toFixed(0)} s: 1 tenant, 20 staff, ` +
          `${CUSTOMERS.toLocaleString('en')} customers (MongoDB + customer index), ` +
          `${MESSAGES.toLocaleString('en')} archived text messages over 90 days (chat index), ` +
          `1 群活码 of 10 groups that never fill`,
      );
      console.log(
        `loopback, ${CONNECTIONS.join(' and ')} connections, ${SECONDS} s a cell after a ${WARMUP_SECONDS} s ` +
          `warm-up; LOGIN_ATTEMPTS_PER_MINUTE=${ready.loginLimit.toLocaleString('en')} for this run ` +
          `(20 by default), since every request comes from 127.0.0.1`,
      );
      const cookie = await logIn(ready.apiUrl, tenant);

      const rows: Array<{ endpoint: string; connections: number; result: CellResult; cpu: number }> = [];
      for (const endpoint of endpoints(ready, tenant, codeId, cookie)) {
        console.log(
          `\n${endpoint.name}: ${endpoint.request.method ?? 'GET'} ${new URL(endpoint.request.url).pathname}`,
        );
        console.log(`  checked: ${await endpoint.check()}`);
        if (WARMUP_SECONDS > 0) {
          await runCell(endpoint.request, CONNECTIONS[0], WARMUP_SECONDS);
          await endpoint.afterCell?.(0);
        }
        for (const connections of CONNECTIONS) {
          const cpuBefore = await targetCpu(child);
          const result = await runCell(endpoint.request, connections, SECONDS);
          const cpu = ((await targetCpu(child)) - cpuBefore) / SECONDS;
          const written = endpoint.afterCell ? `; ${await endpoint.afterCell(result.ok)}` : '';
          console.log(`  ${connections} connections: ${result.outcomes || 'no answers'}${written}`);
          if (result.errors > 0 || result.wrongBodies > 0 || result.ok === 0) failed = true;
          if (result.wrongBodies > 0) console.log(`  ${result.wrongBodies} answers were not the real one`);
          rows.push({ endpoint: endpoint.name, connections, result, cpu });
        }
      }
      printTable(rows);
    } finally {
      await temporal.connection.close();
      await es.close();
      await disconnectDatabase();
    }
  } finally {
    if (child.connected) {
      // A cell ends with requests still in flight (autocannon stops counting, the api goes on): they finish
      // before the api closes its connections, instead of failing on a closed database.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  if (failed) {
    console.error('\nsome cells had errors or wrong answers (above): their figures do not count');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
