// Slow (140 s): it waits out killed workers' 1-minute heartbeat timeouts.
// Mostly waits: killed workers' heartbeat timeouts run out; the CPU stays mostly idle.
import request from 'supertest';
import { MassSendRecipientModel } from '../../lib/models/mass-send-recipient.model';
import { MassSendTemplateModel } from '../../lib/models/mass-send-template.model';
import { MassSendModel } from '../../lib/models/mass-send.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import {
  massSendScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SimMassSendTemplate,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { killableWorker } from '../support/worker-process';

const TENANT = freshTenantId('mass-kill');
const ADMIN_MOBILE = '13700000611';
const TEMPLATE_PATH = '/externalcontact/add_msg_template';
/** Each add_msg_template takes this long, so a kill lands between two senders' calls, or inside one. */
const SLOW_TEMPLATE_MS = 2500;

/**
 * Issue 14's "done when": killing the worker before, during and after the template calls changes nothing in
 * a 群发's outcome. The worker runs as its own process and is killed for real (SIGKILL); the simulator is
 * WeCom, and what it holds is what the members would see.
 */
describe('群发 through worker kills: before, during and after the template calls', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: ReturnType<typeof request.agent>;
  let worker: ReturnType<typeof killableWorker>;

  beforeAll(async () => {
    app = await startTestApp('mass-send-kill');
    worker = killableWorker(app, 'mass-send-kill-worker');
    corp = await simulator.createCorp('群发崩溃企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    built = await populateCustomerCorp(corp.corpId);
    await massSendScenario.settings(corp.corpId, { dispatchSeconds: 1 });
    await worker.start();
    for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
      await executeWorkflow(app.temporal.workflow, workflowType, {
        workflowId: `${workflowType}/${TENANT}`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: TENANT, trigger: 'schedule' }],
      });
    }
    await refreshListSearch(app);
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  }, 180_000);

  afterAll(async () => {
    await simulator.setLatency(TEMPLATE_PATH, 0, corp?.corpId);
    await worker?.kill();
    await app?.stop();
  });

  const sendNow = async (text: string): Promise<string> =>
    (
      await admin
        .post('/api/mass-sends')
        .send({
          audience: { kind: 'customers', customers: { mode: 'all', excludeTagIds: [] } },
          text,
          timing: { mode: 'now' },
        })
        .expect(201)
    ).body.id as string;

  const statusOf = async (sendId: string) =>
    (await MassSendModel.findOne({ tenantId: TENANT, _id: sendId }).lean())?.status;

  async function simTemplatesSaying(text: string): Promise<SimMassSendTemplate[]> {
    const { templates } = await massSendScenario.templates(corp.corpId);
    return templates.filter((template) => template.content.text?.content === text);
  }

  /** Sent, with exactly one WeCom template per sender, each of ours matching one of WeCom's. */
  async function expectSentOnce(sendId: string, text: string): Promise<SimMassSendTemplate[]> {
    await eventually(async () => (await statusOf(sendId)) === 'sent', 120_000);
    const ours = await MassSendTemplateModel.find({ tenantId: TENANT, sendId }).lean();
    expect(ours.map((template) => template.state)).toEqual(ours.map(() => 'created'));
    const recipients = await MassSendRecipientModel.find(
      { tenantId: TENANT, sendId },
      { senderUserid: 1 },
    ).lean();
    const senders = new Set(recipients.map((recipient) => recipient.senderUserid));
    const inWeCom = await simTemplatesSaying(text);
    expect(inWeCom.map((template) => template.tasks[0].userid).sort()).toEqual([...senders].sort());
    expect(inWeCom.map((template) => template.msgid).sort()).toEqual(
      ours.map((template) => template.msgid).sort(),
    );
    expect(recipients).toHaveLength(built.customers.length);
    return inWeCom;
  }

  it('before: submitted while no worker runs, it goes out once a worker starts', async () => {
    await worker.kill();
    const sendId = await sendNow('崩溃前提交');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await statusOf(sendId)).toBe('scheduled');
    expect(await simTemplatesSaying('崩溃前提交')).toEqual([]);
    await worker.start();
    await expectSentOnce(sendId, '崩溃前提交');
  }, 240_000);

  it('during: killed between and inside template calls, no template is lost or made twice', async () => {
    await simulator.setLatency(TEMPLATE_PATH, SLOW_TEMPLATE_MS, corp?.corpId);
    if (!worker.running) await worker.start();
    const sendId = await sendNow('崩溃中发送');
    // The first sender's template is asked for (its intent stored): the call is in flight when the kill lands.
    await eventually(
      async () => (await MassSendTemplateModel.countDocuments({ tenantId: TENANT, sendId })) > 0,
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, SLOW_TEMPLATE_MS / 2));
    await worker.kill();
    // WeCom finishes the call the dead worker made; ours still says "asked for".
    await eventually(async () => (await simTemplatesSaying('崩溃中发送')).length > 0, 30_000);
    expect(await statusOf(sendId)).toBe('sending');
    await simulator.setLatency(TEMPLATE_PATH, 0, corp?.corpId);
    await worker.start();
    await expectSentOnce(sendId, '崩溃中发送');
  }, 240_000);

  it('after: killed while tracking, the results a member confirmed still arrive', async () => {
    if (!worker.running) await worker.start();
    const sendId = await sendNow('崩溃后跟踪');
    const [template] = await expectSentOnce(sendId, '崩溃后跟踪');
    await worker.kill();
    const member = template.tasks[0].userid;
    await massSendScenario.confirm(corp.corpId, template.msgid, member);
    const theirs = await MassSendRecipientModel.countDocuments({
      tenantId: TENANT,
      sendId,
      senderUserid: member,
    });
    await worker.start();
    await admin.post(`/api/mass-sends/${sendId}/results/refresh`).expect(202);
    const progress = await eventually(async () => {
      const send = await MassSendModel.findOne({ tenantId: TENANT, _id: sendId }).lean();
      return send?.progress?.sent === theirs ? send.progress : undefined;
    }, 90_000);
    expect(progress).toEqual({
      total: built.customers.length,
      sent: theirs,
      unsent: built.customers.length - theirs,
      failed: 0,
    });
    expect(await MassSendRecipientModel.countDocuments({ tenantId: TENANT, sendId, status: 'sent' })).toBe(
      theirs,
    );
  }, 240_000);
});
