import request from 'supertest';
import { MassSendRecipientModel } from '../../lib/models/mass-send-recipient.model';
import { MassSendTemplateModel } from '../../lib/models/mass-send-template.model';
import { MassSendModel } from '../../lib/models/mass-send.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { refreshListSearch } from '../support/list-search';
import {
  massSendScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('faults-mass');
const ADMIN_MOBILE = '13700000911';
const TEMPLATE_PATH = '/externalcontact/add_msg_template';
/** Each sender's template takes this long, so dispatch lasts seconds and a fault can land inside it. */
const SLOW_TEMPLATE_MS = 1500;

/**
 * 群发 dispatch and tracking through every fault: one send to every customer of a small corp
 * (4 customers, 3 senders), asked for through the rig's api process (the one the api-kill cell kills), a fault at
 * a drawn point while its templates are created or its results tracked;
 * then each member sends their task in the WeCom client and 刷新 asks for the results. The fault-free end
 * state: one template per sender in WeCom and ours, one recipient row per customer, every one of them sent.
 */
describe('mass send × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('faults-mass-send');
    rig = await startFaultRig(app, 'mass-send', { withApi: true });
    corp = await simulator.createCorp('故障群发企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    built = await populateCustomerCorp(corp.corpId);
    await massSendScenario.settings(corp.corpId, { dispatchSeconds: 1 });
    await rig.worker.start();
    for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
      await executeWorkflow(app.temporal.workflow, workflowType, {
        workflowId: `${workflowType}/${TENANT}`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: TENANT, trigger: 'schedule' }],
      });
    }
    await refreshListSearch(app);
    // The rig's api process, which the api-kill cell kills: the admin's session outlives it (a signed cookie).
    admin = request.agent(rig.api!.url);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    await rig.setBaseLatency(TEMPLATE_PATH, SLOW_TEMPLATE_MS);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  const templatesSaying = async (text: string) =>
    (await massSendScenario.templates(corp.corpId)).templates.filter((t) => t.content.text?.content === text);

  faultCells(
    'mass send',
    () => rig,
    [
      'worker-kill',
      'api-kill',
      'db-cut',
      'es-cut',
      'temporal-cut',
      'wecom-down',
      'wecom-5xx',
      'wecom-busy',
      'wecom-slow',
    ],
    {
      windowMs: 3 * SLOW_TEMPLATE_MS + 2000,
      recoverWithinMs: 150_000,
      async start(label) {
        const text = `故障群发 ${label}`;
        const { body } = await admin
          .post('/api/mass-sends')
          .send({
            audience: { kind: 'customers', customers: { mode: 'all', excludeTagIds: [] } },
            text,
            timing: { mode: 'now' },
          })
          .expect(201);
        return { sendId: body.id as string, text, confirmed: new Set<string>(), refreshedAt: 0 };
      },
      async done(run) {
        const send = await MassSendModel.findOne({ tenantId: TENANT, _id: run.sendId }).lean();
        if (send?.status !== 'sent') return false;
        // Each member sends their task in the WeCom client as soon as WeCom has it, then 刷新 (at most every 20 s).
        for (const template of await templatesSaying(run.text)) {
          if (run.confirmed.has(template.msgid)) continue;
          await massSendScenario.confirm(corp.corpId, template.msgid, template.tasks[0].userid);
          run.confirmed.add(template.msgid);
        }
        if (send.progress?.sent === built.customers.length) return true;
        if (Date.now() - run.refreshedAt > 20_000) {
          await admin.post(`/api/mass-sends/${run.sendId}/results/refresh`).expect(202);
          run.refreshedAt = Date.now();
        }
        return false;
      },
      async tally(run) {
        const [inWeCom, ours, recipients] = await Promise.all([
          templatesSaying(run.text),
          MassSendTemplateModel.find({ tenantId: TENANT, sendId: run.sendId, state: 'created' }).lean(),
          MassSendRecipientModel.find({ tenantId: TENANT, sendId: run.sendId }).lean(),
        ]);
        return [
          {
            what: 'templates in WeCom',
            expected: built.staff,
            observed: inWeCom.map((t) => t.tasks[0].userid),
          },
          { what: 'templates of ours', expected: built.staff, observed: ours.map((t) => t.senderUserid) },
          {
            what: 'recipient rows',
            expected: built.customers,
            observed: recipients.map((r) => r.recipientId),
          },
          {
            what: 'sent results',
            expected: built.customers,
            observed: recipients.filter((r) => r.status === 'sent').map((r) => r.recipientId),
          },
        ];
      },
    },
  );
});
