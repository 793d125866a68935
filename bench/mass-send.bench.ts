/**
 * 群发 at campaign scale (issue 14): 100,000 customers over 30 members in the simulator, synced as the product
 * syncs them; one 群发 to all of them through the api and the real massSendWorkflow on a real worker, timed
 * from 发送 to every template created (with the add_msg_template calls WeCom took); then every member
 * confirms in the (simulated) client and one tracking pass (pollMassSendResults, as the workflow runs it) reads
 * every result back and writes every recipient's change: rows/s and WeCom calls. Next to it, in the same run, a
 * raw `insertMany` of the same 100k recipient rows into a scratch collection: the database's ceiling.
 *
 *   BENCH_RECIPIENTS=100000   customers, each added by one member (default)
 *   BENCH_SENDERS=30          members sending
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import mongoose from 'mongoose';
import request from 'supertest';
import { createMassSendActivities } from '../activities/mass-send.activities';
import { loadExternalContactCredentials } from '../activities/tenant-credentials';
import { MassSendRecipientModel } from '../lib/models/mass-send-recipient.model';
import { MassSendModel } from '../lib/models/mass-send.model';
import { executeWorkflow } from '../lib/temporal/typed-workflows';
import { WeComClient, type WeComCallObserver } from '../lib/wecom/client';
import { WeComApiError } from '../lib/wecom/errors';
import { createMassSendApi } from '../lib/wecom/mass-send-api';
import { startTestApp } from '../test/support/app-harness';
import { refreshListSearch } from '../test/support/list-search';
import { customerScenario, massSendScenario, simulator } from '../test/support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../test/support/tenant-fixture';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 30);
const INSERT_BATCH = 5_000;
const ADMIN_MOBILE = '13700000095';

const seconds = (since: number) => (performance.now() - since) / 1000;
const perSecond = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')} rows/s`;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  const tenantId = freshTenantId('bench-mass-send');
  const app = await startTestApp('bench_mass_send');
  const corp = await simulator.createCorp('群发压测企业');
  const members = Array.from({ length: SENDERS }, (_, i) => `sender${String(i + 1).padStart(2, '0')}`);
  for (const [i, userid] of members.entries()) {
    await simulator.addUser(corp.corpId, {
      userid,
      name: `销售${i + 1}`,
      mobile: `139000000${String(i).padStart(2, '0')}`,
      department: [1],
    });
  }
  await customerScenario.generateCustomers(corp.corpId, { count: RECIPIENTS, userids: members });
  await massSendScenario.settings(corp.corpId, { dispatchSeconds: 1 });
  await createBoundTenant(tenantId, corp, { adminMobile: ADMIN_MOBILE });
  await app.startWorker();
  const syncBegan = performance.now();
  await executeWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
    workflowId: `customers-sync/${tenantId}/bench`,
    taskQueue: app.config.temporalTaskQueue,
    args: [{ tenantId, trigger: 'manual' }],
  });
  await refreshListSearch(app);
  console.log(
    `群发: ${RECIPIENTS.toLocaleString('en')} customers over ${SENDERS} members, synced in ` +
      `${seconds(syncBegan).toFixed(1)} s`,
  );

  // 发送 (立即发送, 全部客户) through the api: the workflow resolves the audience and creates the templates.
  const admin = request.agent(app.baseUrl);
  await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  const sendBegan = performance.now();
  const created = await admin
    .post('/api/mass-sends')
    .send({
      audience: { kind: 'customers', customers: { mode: 'all', excludeTagIds: [] } },
      text: '双十二会员日',
      timing: { mode: 'now' },
    })
    .expect(201);
  const sendId = created.body.id as string;
  const sent = await waitFor(
    'every template created',
    async () => {
      const send = await MassSendModel.findOne({ tenantId, _id: sendId }).lean();
      return send?.status === 'sent' || send?.status === 'failed' ? send : undefined;
    },
    30 * 60_000,
  );
  const dispatchSeconds = seconds(sendBegan);
  const { templates } = await massSendScenario.templates(corp.corpId);
  console.log(
    `  发送 → every template created  ${dispatchSeconds.toFixed(1)} s   (${sent.status}; ` +
      `${(sent.progress?.total ?? 0).toLocaleString('en')} recipients resolved and stored; ` +
      `${templates.length} add_msg_template calls taken by WeCom)`,
  );

  // Every member sends all of theirs; one tracking pass reads every result back and writes each change.
  for (const template of templates) {
    for (const task of template.tasks) {
      await massSendScenario.confirm(corp.corpId, template.msgid, task.userid);
    }
  }
  const calls = new Map<string, number>();
  const counting: WeComCallObserver = {
    callFinished: ({ path }) => calls.set(path, (calls.get(path) ?? 0) + 1),
    tokenIssued: () => undefined,
  };
  const activities = createMassSendActivities({
    massSend: createMassSendApi(new WeComClient({ baseUrl: app.config.wecomApiBase, observer: counting })),
    credentials: loadExternalContactCredentials,
    listSearch: app.listSearch,
  });
  const passBegan = performance.now();
  const pass = await pollUntilAnswered(
    () =>
      new MockActivityEnvironment().run(activities.pollMassSendResults, { tenantId, sendId }) as ReturnType<
        typeof activities.pollMassSendResults
      >,
  );
  const passSeconds = seconds(passBegan);
  console.log(
    `  tracking pass                  ${passSeconds.toFixed(1)} s   ${perSecond(RECIPIENTS, passSeconds)} ` +
      `(sent ${pass.progress.sent.toLocaleString('en')}, unsent ${pass.progress.unsent}; WeCom calls: ` +
      `${[...calls].map(([path, count]) => `${path.replace('/externalcontact/', '')} ×${count}`).join(', ')})`,
  );

  // The ceiling: the same rows, inserted plainly.
  const rows = await MassSendRecipientModel.find({ tenantId, sendId }).lean();
  const scratch = mongoose.connection.collection('bench_raw_mass_send_recipients');
  await scratch.deleteMany({});
  const insertBegan = performance.now();
  for (let at = 0; at < rows.length; at += INSERT_BATCH) {
    await scratch.insertMany(rows.slice(at, at + INSERT_BATCH) as never[], { ordered: false });
  }
  const insertSeconds = seconds(insertBegan);
  console.log(
    `  raw insertMany                 ${insertSeconds.toFixed(1)} s   ${perSecond(rows.length, insertSeconds)} ` +
      `(the same ${rows.length.toLocaleString('en')} rows, ${INSERT_BATCH} per call, into a scratch collection)`,
  );
  await scratch.drop();
  await app.stop();
}

/** As Temporal runs the activity: again while WeCom says the template is still being dispatched (41063). */
async function pollUntilAnswered<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WeComApiError && error.retryable) || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
