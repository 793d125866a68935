/**
 * Every admin page and drawer on `npm start`'s demo (issue 12: 300 ms p95 each): the demo seeded as npm start
 * seeds it (both phases, a worker process syncing the demo corp's 3,000 customers and ingesting its archive), the
 * real api in this process; then each page's GET calls, fired together as the page fires them, BENCH_ROUNDS times.
 * Prints per page p50 / p95 of the page's calls (the slowest of them decides when the page is filled) and its
 * slowest call, beside the ceiling: a bare node:http handler answering {} on the same machine.
 *
 *   BENCH_ROUNDS=30   (default)
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { SyncRunModel } from '../lib/models/sync-run.model';
import { ArchiveCursorModel } from '../lib/models/archive-cursor.model';
import { GroupCodeModel } from '../lib/models/group-code.model';
import { StaffCodeModel } from '../lib/models/staff-code.model';
import { DEMO_PASSWORD, DEMO_TENANT_ID } from '../scripts/demo/demo-tenant';
import { DEMO_ADMIN_MOBILE } from '../wecom-sim/seed/demo-corp';
import { demoCustomerSeed } from '../wecom-sim/seed/demo-customers';
import { DEMO_SIDE_PANEL_USERID } from '../scripts/stack/demo-links';
import { eventually, startTestApp } from '../test/support/app-harness';
import { percentile } from './support/percentile';
import { startWorkerProcess } from '../test/support/worker-process';

const percentileOf = (times: number[], rank: number) =>
  percentile(
    [...times].sort((a, b) => a - b),
    rank,
  );

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const ROOT = path.join(__dirname, '..');
const DEMO_MESSAGES = 1000;
const run = promisify(execFile);

/** The GET calls each page or drawer makes when it opens (their web/src/app/features/*-api.ts). */
function pages(ids: { customer: string; chat: string; groupCode: string; staffCode: string }) {
  const list = 'page=1&pageSize=20';
  return [
    ['群活码', ['/api/group-codes?' + list, '/api/group-codes/columns']],
    ['群活码 详情', [`/api/group-codes/${ids.groupCode}`]],
    ['员工活码', ['/api/staff-codes?' + list]],
    [
      '员工活码 详情',
      [`/api/staff-codes/${ids.staffCode}`, `/api/staff-codes/${ids.staffCode}/adds?${list}`],
    ],
    ['欢迎语', ['/api/welcome-messages/default?' + list]],
    [
      '客户',
      ['/api/customers?' + list, '/api/customers/options', '/api/customers/columns', '/api/customers/sync'],
    ],
    [
      '客户详情 (drawer)',
      [
        `/api/customers/${ids.customer}`,
        `/api/customers/${ids.customer}/contact-records?${list}`,
        `/api/archive/conversations?externalUserid=${ids.customer}&range=30d&${list}`,
      ],
    ],
    ['客户群', ['/api/customer-groups?' + list, '/api/customer-groups/columns', '/api/customer-groups/sync']],
    [
      '群画像 (drawer)',
      [`/api/customer-groups/${ids.chat}/portrait`, `/api/customer-groups/${ids.chat}/message-trend`],
    ],
    ['内容存档', ['/api/org/staff?' + list, `/api/archive/customers?${list}`]],
    [
      '内容存档 员工点击',
      [`/api/archive/conversations?staffUserid=${DEMO_SIDE_PANEL_USERID}&range=30d&${list}`],
    ],
    ['敏感消息管理', ['/api/sensitive-rules?' + list]],
    ['敏感行为审核', ['/api/sensitive-alerts?' + list]],
    ['组织架构', ['/api/org/departments', '/api/org/staff?' + list, '/api/org/seats', '/api/org/sync']],
    ['权限管理', ['/api/roles', '/api/roles/permission-tree']],
    ['标签管理', ['/api/tags/corp-groups', '/api/tags/group-groups']],
    ['企微绑定', ['/api/wecom/binding', '/api/wecom/health']],
    ['敏感行为设置', ['/api/sensitive-behavior-settings']],
    ['操作日志', ['/api/audit-logs?' + list]],
  ] as const;
}

async function timed(url: string, cookie: string): Promise<number> {
  const began = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (response.status >= 400) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - began;
}

async function main(): Promise<void> {
  const app = await startTestApp('bench-pages');
  const env = {
    ...process.env,
    MONGO_URL: app.config.mongoUrl,
    PUBLIC_URL: app.baseUrl,
    TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
    LOG_LEVEL: 'warn',
    DEMO_ARCHIVE_MESSAGES: String(DEMO_MESSAGES),
  };
  const seed = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], { cwd: ROOT, env });
  let worker: ChildProcess | undefined;
  try {
    const began = Date.now();
    await seed();
    const started = startWorkerProcess(app, { logName: 'bench-pages-worker' });
    worker = started.worker;
    await started.started;
    await seed('--simulator');
    let progress = '';
    const ready = async () => {
      const synced = await SyncRunModel.exists({
        tenantId: DEMO_TENANT_ID,
        kind: 'customers',
        status: 'completed',
      });
      const seq = (await ArchiveCursorModel.findOne({ tenantId: DEMO_TENANT_ID }).lean())?.seq ?? 0;
      const now = `customer sync ${synced ? 'done' : 'running'}, archive seq ${seq}`;
      if (now !== progress) console.log(`  ${Math.round((Date.now() - began) / 1000)} s: ${now}`);
      progress = now;
      return synced !== null && seq >= DEMO_MESSAGES;
    };
    await eventually(async () => ((await ready()) ? true : undefined), 600_000);
    console.log(`demo seeded, synced and ingested in ${Math.round((Date.now() - began) / 1000)} s`);

    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: DEMO_ADMIN_MOBILE, password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const ids = {
      customer: demoCustomerSeed.customers.find((c) =>
        c.follows.some((f) => f.userid === DEMO_SIDE_PANEL_USERID),
      )!.contact.external_userid,
      chat: demoCustomerSeed.groups.find((g) => g.owner === DEMO_SIDE_PANEL_USERID)!.chat_id,
      groupCode: String((await GroupCodeModel.findOne({ tenantId: DEMO_TENANT_ID }).lean())!._id),
      staffCode: String((await StaffCodeModel.findOne({ tenantId: DEMO_TENANT_ID }).lean())!._id),
    };

    const bare = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{}'));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const rows: Array<[string, number, number, string]> = [];
    const measure = async (name: string, urls: readonly string[]) => {
      await Promise.all(urls.map((url) => timed(url, cookie))); // warm: first reads, JIT
      const pageTimes: number[] = [];
      const callTimes = new Map<string, number[]>(urls.map((url) => [url, []]));
      for (let round = 0; round < ROUNDS; round += 1) {
        const times = await Promise.all(urls.map((url) => timed(url, cookie)));
        pageTimes.push(Math.max(...times));
        times.forEach((ms, i) => callTimes.get(urls[i])!.push(ms));
      }
      const slowest = [...callTimes].sort((a, b) => percentileOf(b[1], 95) - percentileOf(a[1], 95))[0];
      rows.push([
        name,
        percentileOf(pageTimes, 50),
        percentileOf(pageTimes, 95),
        `${new URL(slowest[0]).pathname} ${percentileOf(slowest[1], 95).toFixed(0)} ms`,
      ]);
    };
    await measure('(ceiling: bare node:http handler)', [bareUrl]);
    for (const [name, paths] of pages(ids))
      await measure(
        name,
        paths.map((p) => `${app.baseUrl}${p}`),
      );
    bare.close();

    console.log(`\n${ROUNDS} rounds per page, its calls fired together; ms`);
    console.log(`${'page'.padEnd(34)} ${'p50'.padStart(7)} ${'p95'.padStart(7)}  slowest call (p95)`);
    for (const [name, p50, p95, slowest] of rows) {
      const flag = p95 > 300 ? '  ← over 300 ms' : '';
      console.log(
        `${name.padEnd(34)} ${p50.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)}  ${slowest}${flag}`,
      );
    }
  } finally {
    worker?.kill('SIGTERM');
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
