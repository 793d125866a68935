// Slow (200 s): it seeds the whole demo corp as npm start does, syncs and archives it, then opens every page.
import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import request from 'supertest';
import { contactRecordPageSchema } from '../../lib/contracts/contact-record.contract';
import { groupCodeDetailSchema, groupCodePageSchema } from '../../lib/contracts/group-code.contract';
import { sensitiveAlertPageSchema } from '../../lib/contracts/sensitive-alerts.contract';
import { sensitiveRulePageSchema } from '../../lib/contracts/sensitive-rules.contract';
import { staffCodeAddPageSchema, staffCodePageSchema } from '../../lib/contracts/staff-codes.contract';
import { welcomePageSchema } from '../../lib/contracts/welcome-messages.contract';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { KnowledgeItemModel } from '../../lib/models/knowledge-item.model';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { GroupCodeScanModel } from '../../lib/models/group-code-scan.model';
import { GroupCodeModel } from '../../lib/models/group-code.model';
import { NewContactModel } from '../../lib/models/new-contact.model';
import { SeatClaimModel } from '../../lib/models/seat-claim.model';
import { SensitiveAlertModel } from '../../lib/models/sensitive-alert.model';
import { SensitiveRuleModel } from '../../lib/models/sensitive-rule.model';
import { StaffCodeModel } from '../../lib/models/staff-code.model';
import { StaffModel } from '../../lib/models/staff.model';
import { WelcomeMessageModel } from '../../lib/models/welcome-message.model';
import { archiveIngestScheduleId } from '../../lib/temporal/workflow-ids';
import { loadBinding } from '../../lib/wecom/binding-store';
import { linesOf } from '../../wecom-sim/archive/conversation-lines';
import { DEMO_ADMIN_MOBILE, DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../../wecom-sim/seed/demo-corp';
import { demoCustomerSeed } from '../../wecom-sim/seed/demo-customers';
import { DEMO_PASSWORD, DEMO_TENANT_ID } from '../../scripts/demo/demo-tenant';
import { demoSeatedStaff } from '../../scripts/demo/demo-seats';
import type { Page } from 'playwright-core';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { demoSidePanelLinks } from '../../scripts/stack/demo-links';
import { MAIN_MENU } from '../../web/src/app/layout/menu';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { stackEnv } from '../support/stack-env';
import { startWorkerProcess } from '../support/worker-process';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
/** A small demo archive: the test is about the seed's steps, not the ingest's speed. */
const DEMO_MESSAGES = 200;
const tenantId = DEMO_TENANT_ID;

/**
 * `npm start`'s demo, run as npm start runs it: the seed, then the api and the worker (each its own process, as
 * there: the api must answer the simulator's callback handshake while the worker syncs), then the seed with
 * --simulator. What the admin's pages list is read back through the api as the demo admin; a second start adds
 * nothing. (The worker syncs the demo corp's 3,000 customers meanwhile, which keeps FerretDB busy for minutes.)
 */
describe('the demo of `npm start`, as a new user meets it', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;
  let admin: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('demo-seed');
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await app?.stop();
  }, 180_000);

  const seed = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        MONGO_URL: app.config.mongoUrl,
        PUBLIC_URL: app.baseUrl,
        TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
        LOG_LEVEL: 'warn',
        DEMO_ARCHIVE_MESSAGES: String(DEMO_MESSAGES),
      },
    });

  /** The worker as npm start runs it; ready when it says so. Its log: .stack/test/logs/demo-seed-worker.log */
  async function startDemoWorker(): Promise<void> {
    const started = startWorkerProcess(app, { logName: 'demo-seed-worker' });
    worker = started.worker;
    await started.started;
  }

  it('seeds before the api, then with --simulator once the api and the worker run, no wait running out', async () => {
    const began = Date.now();
    await seed();
    const raw = JSON.stringify(
      await mongoose.connection.db!.collection('tenants').findOne({ _id: tenantId as never }),
    );
    expect(raw).not.toContain(DEMO_CONTACTS_SECRET);
    expect(await loadBinding(tenantId)).toMatchObject({
      corpId: DEMO_CORP_ID,
      secrets: { contacts: DEMO_CONTACTS_SECRET },
    });
    const seeded = Date.now();

    await startDemoWorker();
    const workerUp = Date.now();
    const { stdout } = await seed('--simulator');
    expect(stdout).toContain('contact and customer events');
    // Every bounded wait of the seed saw what it waited for.
    expect(stdout).not.toMatch(/not .*yet|has no WeCom/);
    console.log(
      `demo seed: ${(seeded - began) / 1000} s before the api, ${(Date.now() - workerUp) / 1000} s with ` +
        `--simulator (worker start ${(workerUp - seeded) / 1000} s)\n${stdout}`,
    );

    admin = request.agent(app.baseUrl);
    await admin
      .post('/api/auth/login')
      .send({ phone: DEMO_ADMIN_MOBILE, password: DEMO_PASSWORD })
      .expect(200);
  }, 480_000);

  it('gives the first ten sales staff 开启系统, each on a seat', async () => {
    const seated = demoSeatedStaff();
    expect(seated).toHaveLength(10);
    expect(seated).toContain('lina');
    const staff = await StaffModel.find({ tenantId, systemEnabled: true }, { userid: 1 }).lean();
    expect(staff.map((member) => member.userid).sort()).toEqual([...seated, 'admin'].sort());
    expect((await admin.get('/api/org/seats').expect(200)).body).toMatchObject({ used: 10, total: 38 });
  });

  it('has 敏感消息 rules and settings in place before the ingest, which raises alerts awaiting review', async () => {
    const rules = sensitiveRulePageSchema.parse((await admin.get('/api/sensitive-rules').expect(200)).body);
    expect(rules.items.map((rule) => [rule.name, rule.enabled, rule.creatorName]).sort()).toEqual([
      ['客户投诉', true, '管理员'],
      ['私下交易', true, '管理员'],
      ['竞品提及', false, '管理员'],
    ]);
    const settings = (await admin.get('/api/sensitive-behavior-settings').expect(200)).body;
    expect(settings.behaviors).toEqual(['sensitive-message']);

    await app.temporal.schedule.getHandle(archiveIngestScheduleId(tenantId)).trigger();
    await eventually(
      async () => (await ChatMessageModel.countDocuments({ tenantId })) >= DEMO_MESSAGES,
      240_000,
    );
    // The batch's alerts come after its messages are stored and indexed.
    const alerts = await eventually(async () => {
      const page = sensitiveAlertPageSchema.parse(
        (await admin.get('/api/sensitive-alerts').query({ status: 'pending' }).expect(200)).body,
      );
      return page.total > 0 ? page : undefined;
    }, 60_000);
    for (const alert of alerts.items) {
      expect(['私下交易', '客户投诉']).toContain(alert.ruleName);
      expect(alert.words.length).toBeGreaterThan(0);
      for (const word of alert.words) expect(alert.content).toContain(word);
    }
  }, 300_000);

  it('archives chats where staff speak the sales lines and customers the customer lines', async () => {
    const texts = await ChatMessageModel.find({ tenantId, msgtype: 'text' }).lean();
    // Single chats with customers and the customer groups; an internal group (colleagues only) is a group too.
    const customerGroups = new Set(demoCustomerSeed.groups.map((group) => group.chat_id));
    const withCustomers = texts.filter(
      (message) => message.chatKind === 'external' || customerGroups.has(message.roomid ?? ''),
    );
    expect(withCustomers.length).toBeGreaterThan(50);
    const staffLines = new Set(linesOf('staff'));
    const customerLines = new Set(linesOf('customer'));
    for (const message of withCustomers) {
      expect(message.senderType === 'staff' ? staffLines : customerLines).toContain(message.content);
    }
  });

  it('has a 知识库 to send from: a 话术库 tree two levels deep, 话术 found by a 相似问, 常用语 and 常用链接', async () => {
    const tree = (await admin.get('/api/knowledge/scripts/tree').expect(200)).body as {
      categories: Array<{ name: string; children: Array<{ name: string }> }>;
    };
    expect(tree.categories.map((category) => category.name)).toEqual(['未分类', '售前咨询', '售后服务']);
    expect(tree.categories[1].children.map((category) => category.name)).toEqual(['产品介绍', '价格与合同']);
    const found = (await admin.get('/api/knowledge/scripts/items').query({ keyword: '怎么收费' }).expect(200))
      .body as { items: Array<{ question: string }> };
    expect(found.items.map((item) => item.question)).toEqual(['价格怎么计算？']);
    for (const kind of ['phrases', 'links']) {
      expect((await admin.get(`/api/knowledge/${kind}/items`).expect(200)).body.total).toBeGreaterThan(0);
    }
  });

  it('runs a 客户运营 SOP plan for the customers of the year, switched on, with its two tasks', async () => {
    const plans = (await admin.get('/api/sop/plans').expect(200)).body as {
      items: Array<{ id: string; name: string; enabled: boolean; taskCount: number }>;
    };
    expect(plans.items.map(({ name, enabled, taskCount }) => ({ name, enabled, taskCount }))).toEqual([
      { name: '新客户首周跟进', enabled: true, taskCount: 2 },
    ]);
  });

  it('has 统计分析 for the last 30 days: the 补算 finishes and the cards count the archived chats', async () => {
    const status = await eventually(async () => {
      const answer = (await admin.get('/api/analytics/rollups/backfill').expect(200)).body as {
        running: boolean;
        daysDone: number;
        daysTotal: number;
        failure: string | null;
        from: string;
        to: string;
      };
      return !answer.running && answer.daysTotal > 0 ? answer : undefined;
    }, 180_000);
    expect(status).toMatchObject({ failure: null, daysDone: 30, daysTotal: 30 });
    const chats = (
      await admin
        .get('/api/analytics/customers/chats')
        .query({ from: status.from, to: status.to })
        .expect(200)
    ).body as { cards: { messageCnt: number; chatCnt: number } };
    expect(chats.cards.messageCnt).toBeGreaterThan(0);
    expect(chats.cards.chatCnt).toBeGreaterThan(0);
  }, 240_000);

  it('lists 欢迎语, and 群活码 of every strategy with their scans, one code nearly full', async () => {
    const welcomes = async (kind: string) =>
      welcomePageSchema.parse((await admin.get(`/api/welcome-messages/${kind}`).expect(200)).body);
    expect((await welcomes('default')).items).toEqual([
      expect.objectContaining({
        attachment: expect.objectContaining({ kind: 'link' }),
        creatorName: '管理员',
      }),
    ]);
    await eventually(async () => (await welcomes('group')).items[0]?.sync?.status === 'synced', 60_000);

    const codes = groupCodePageSchema.parse((await admin.get('/api/group-codes').expect(200)).body);
    expect(codes.items.map((code) => code.strategy).sort()).toEqual(['nearest', 'overflow', 'round-robin']);
    const scansPerGroup: Record<string, number[]> = {};
    for (const row of codes.items) {
      const detail = groupCodeDetailSchema.parse(
        (await admin.get(`/api/group-codes/${row.id}`).expect(200)).body,
      );
      expect(detail.status).toBe('normal');
      scansPerGroup[detail.strategy] = detail.groups.map((group) => group.scanCount);
      if (detail.strategy === 'overflow') {
        expect(detail.groups.map((group) => [group.state, group.scanLimit - group.scanCount])).toEqual([
          ['full', 0],
          ['serving', 3],
        ]);
      }
    }
    expect(scansPerGroup).toEqual({ overflow: [20, 17], 'round-robin': [4, 4, 4], nearest: [3, 3, 3] });
  });

  it('lists 员工活码 with their welcome and tags, the adds they brought, and 联系记录 with reminders', async () => {
    const codes = staffCodePageSchema.parse((await admin.get('/api/staff-codes').expect(200)).body);
    expect(
      codes.items.map((code) => [code.scene, code.kind, code.sync.status, code.tags.length]).sort(),
    ).toEqual([
      ['一组展会引流', 'multi', 'synced', 1],
      ['李娜的名片码', 'single', 'synced', 1],
    ]);
    const lina = codes.items.find((code) => code.kind === 'single')!;
    expect(lina.welcomeText).toContain('李娜');
    const adds = async (codeId: string) =>
      staffCodeAddPageSchema.parse((await admin.get(`/api/staff-codes/${codeId}/adds`).expect(200)).body);
    // The welcome of each add is WeCom's answer within its 20 seconds, after the callback.
    const settled = async (codeId: string) =>
      eventually(async () => {
        const page = await adds(codeId);
        return page.items.every((add) => add.welcome.status !== 'pending') ? page : undefined;
      }, 60_000);
    const linaAdds = await settled(lina.id);
    const teamAdds = await settled(codes.items.find((code) => code.kind === 'multi')!.id);
    expect(linaAdds.items.map((add) => [add.userid, add.welcome.status])).toEqual(
      Array.from({ length: 4 }, () => ['lina', 'sent']),
    );
    expect(teamAdds.total).toBe(6);
    expect(new Set(teamAdds.items.map((add) => add.userid))).toEqual(
      new Set(['liuyang', 'chenjing', 'yanglei']),
    );

    // A record for every customer the codes brought in; every third also a reminder @ing their staff member.
    let reminders = 0;
    for (const add of [...linaAdds.items, ...teamAdds.items]) {
      const records = contactRecordPageSchema.parse(
        (await admin.get(`/api/customers/${add.externalUserid}/contact-records`).expect(200)).body,
      );
      expect(records.items.filter((record) => record.kind === 'record')).toHaveLength(1);
      for (const reminder of records.items.filter((record) => record.kind === 'reminder')) {
        expect(reminder.mentions.map((mention) => mention.userid)).toEqual([add.userid]);
        expect(Date.parse(reminder.remindAt!)).toBeGreaterThan(Date.now());
        reminders += 1;
      }
    }
    expect(reminders).toBe(4);
  });

  it("opens the README's H5 side panel example as lina", async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const printed = /http:\/\/127\.0\.0\.1:3001(\/sim\/corps\/\S+?\/client\?[^\s`]+)/.exec(readme);
    expect(printed).not.toBeNull();
    const example = new URL(`${stackEnv.wecomApiBase}${printed![1]}`);
    const externalUserid = example.searchParams.get('externalUserid')!;
    expect(example.searchParams.get('userid')).toBe('lina');
    // The simulated WeCom client remembers who is signed in and which chat is open, then opens the page.
    const opened = await fetch(example, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(new URL(opened.headers.get('location')!).pathname).toBe('/h5/customer');

    // The page signs in through WeCom OAuth, silent in the client.
    const browser = request.agent(app.baseUrl);
    const start = await browser
      .get('/api/h5/auth/start')
      .query({ corpId: DEMO_CORP_ID, next: '/h5/customer' });
    const atWeCom = await fetch(start.headers.location.split('#')[0], { redirect: 'manual' });
    const back = new URL(atWeCom.headers.get('location')!);
    const signedIn = await browser.get(`${back.pathname}${back.search}`).expect(302);
    expect(signedIn.headers.location).toBe('/h5/customer');
    // The customer is the demo corp's, stored by the customer sync the worker runs after the first start.
    const profile = await eventually(async () => {
      const answer = await browser.get(`/api/h5/customers/${externalUserid}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 300_000);
    const seeded = demoCustomerSeed.customers.find((c) => c.contact.external_userid === externalUserid)!;
    expect(seeded.follows.map((follow) => follow.userid)).toContain('lina');
    expect(profile.name).toBe(seeded.contact.name);
  }, 330_000);

  it('opens every menu page, drawer and H5 side panel page on the demo data: no 5xx, console error or blank page', async () => {
    // The pages are walked once the demo is complete, as npm start's watcher says: the customer sync done.
    await eventually(
      async () => (await SyncRunModel.exists({ tenantId, kind: 'customers', status: 'completed' })) !== null,
      300_000,
    );
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const problems = watchForProblems(page);
      await logIn(page, app.baseUrl, DEMO_ADMIN_MOBILE, DEMO_PASSWORD);

      for (const link of MAIN_MENU.flatMap((group) => group.children)) {
        await page.goto(`${app.baseUrl}${link.link}`);
        await expectFilled(page, 'nz-content', `${link.label} (${link.link})`);
      }

      // The drawers and panes a click opens on the lists the demo fills.
      await page.goto(`${app.baseUrl}/customer/customers`);
      await page.getByTestId('customer-view').first().click();
      await expectFilled(page, '[data-testid="customer-detail"]', '客户详情');
      await page.getByRole('tab', { name: '企微会话记录' }).click();
      await expectFilled(page, '.ant-drawer-open .ant-tabs-tabpane-active', '客户详情 → 企微会话记录');

      await page.goto(`${app.baseUrl}/customer/groups`);
      await page.getByTestId('group-portrait').first().click();
      await expectFilled(page, '[data-testid="external-members"]', '群画像');

      await page.goto(`${app.baseUrl}/archive/messages`);
      await page.getByTestId('archive-staff-lina').click();
      await expectFilled(page, '[data-testid="archive-conversations"]', '内容存档 → 李娜的会话');

      // The H5 side panel as npm start prints it: a single chat and a group chat of lina's, in the simulated client.
      const links = demoSidePanelLinks(stackEnv.wecomApiBase, `${app.baseUrl}/`);
      const h5 = await browser.newPage({ viewport: { width: 375, height: 740 } });
      const h5Problems = watchForProblems(h5);
      for (const [what, url] of [
        ['H5 客户资料', links.single],
        ['H5 客户群画像', links.group],
      ]) {
        await h5.goto(url);
        await expectFilled(h5, 'body', what);
        expect(await h5.locator('body').innerText()).not.toMatch(/号码失效|出错|失败/);
      }
      expect([...problems, ...h5Problems]).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 420_000);

  it('adds nothing on a second start', async () => {
    const counts = () =>
      Promise.all(
        [
          SeatClaimModel,
          SensitiveRuleModel,
          SensitiveAlertModel,
          WelcomeMessageModel,
          GroupCodeModel,
          GroupCodeScanModel,
          StaffCodeModel,
          NewContactModel,
          ContactRecordModel,
          ChatMessageModel,
          KnowledgeItemModel,
        ].map(async (model) => [model.modelName, await model.countDocuments({ tenantId })]),
      );
    const before = await counts();
    await seed();
    const { stdout } = await seed('--simulator');
    expect(stdout).toContain('key uploaded again');
    // The simulator kept its feed (npm start's restarts it): the ingest reads it again under the same msgids.
    await app.temporal.schedule.getHandle(archiveIngestScheduleId(tenantId)).trigger();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(await counts()).toEqual(before);
    const binding = (await loadBinding(tenantId))!;
    expect(binding.archiveKeys.map((key) => key.version)).toEqual([1, 2]);
  }, 300_000);
});

/**
 * What a user would call broken on a page: an api answer of 5xx, an error in the console (the browser's own
 * lines about 4xx answers aside: a page may ask and be told no), an exception the page did not catch.
 */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message} (${page.url()})`));
  return problems;
}

/** The part of the page that `selector` names shows text once the page has settled: not a blank page. */
async function expectFilled(page: Page, selector: string, what: string): Promise<void> {
  // A page that polls (补算's progress, a sync's status) may never be quiet for 500 ms on a loaded machine: its
  // first answers are what is waited for, and a page still polling after that is settled enough.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const area = page.locator(selector).first();
  await area.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await area.innerText()).trim();
  if (text.length === 0) throw new Error(`${what} is blank`);
  expect(text).not.toContain('服务器开小差了');
}
