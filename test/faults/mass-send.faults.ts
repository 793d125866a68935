import { MassSendRecipientModel } from '../../lib/models/mass-send-recipient.model';
import { MassSendTemplateModel } from '../../lib/models/mass-send-template.model';
import { MassSendModel } from '../../lib/models/mass-send.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { describeFaultRow, type Operator } from '../support/fault-row';
import { refreshListSearch } from '../support/list-search';
import {
  massSendScenario,
  populateCustomerCorp,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';

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
let tenantId: string;
let corp: SimCorp;
let built: SmallCustomerCorp;
/** The admin, on the rig's api process (the one the api-kill cell kills). */
let admin: Operator;

const templatesSaying = async (text: string) =>
  (await massSendScenario.templates(corp.corpId)).templates.filter((t) => t.content.text?.content === text);

describeFaultRow(
  'mass send',
  {
    name: 'mass-send',
    wecomLatency: { [TEMPLATE_PATH]: SLOW_TEMPLATE_MS },
    async setup(row) {
      const bound = await row.boundTenant('faults-mass', '故障群发企业');
      ({ tenantId, corp } = bound);
      built = await populateCustomerCorp(corp.corpId);
      await massSendScenario.settings(corp.corpId, { dispatchSeconds: 1 });
      for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
        await executeWorkflow(row.app.temporal.workflow, workflowType, {
          workflowId: `${workflowType}/${tenantId}`,
          taskQueue: row.app.config.temporalTaskQueue,
          args: [{ tenantId, trigger: 'schedule' }],
        });
      }
      await refreshListSearch(row.app);
      admin = await row.operator(bound.adminMobile);
    },
  },
  () => ({
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
      const send = await MassSendModel.findOne({ tenantId, _id: run.sendId }).lean();
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
        MassSendTemplateModel.find({ tenantId, sendId: run.sendId, state: 'created' }).lean(),
        MassSendRecipientModel.find({ tenantId, sendId: run.sendId }).lean(),
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
  }),
);
