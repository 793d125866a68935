import request from 'supertest';
import { SopEnrollmentModel } from '../../lib/models/sop-enrollment.model';
import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import { populateCustomerCorp, simulator, type SimCorp, type SmallCustomerCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { killableWorker } from '../support/worker-process';

const TENANT = freshTenantId('sop-kill');
const ADMIN_MOBILE = '13700000812';
const MESSAGE_PATH = '/message/send';
/** Each reminder takes this long to reach WeCom, so a kill lands while the to-dos' messages go out. */
const SLOW_MESSAGE_MS = 2500;

/**
 * The SOP engine through worker kills (issue 16): the worker runs as its own process and is killed for real
 * (SIGKILL) before a plan's first step and while its reminders go out; the simulator is WeCom, and what it
 * holds is what the members received. Every customer is handed out once, every 跟进人 reminded once.
 */
describe('SOP through worker kills', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: ReturnType<typeof request.agent>;
  let worker: ReturnType<typeof killableWorker>;

  beforeAll(async () => {
    app = await startTestApp('sop-kill');
    worker = killableWorker(app, 'sop-kill-worker');
    corp = await simulator.createCorp('SOP崩溃企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    built = await populateCustomerCorp(corp.corpId);
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
    await simulator.setLatency(MESSAGE_PATH, 0);
    await worker?.kill();
    await app?.stop();
  });

  /** A plan over every customer (添加时间 of any day) with one task due at once. */
  const createPlan = async (taskName: string): Promise<string> =>
    (
      await admin
        .post('/api/sop/plans')
        .send({
          name: taskName,
          scope: {
            kind: 'customers',
            customers: { addedBetween: { from: '2000-01-01', to: '2099-12-31' }, tagIds: [] },
          },
          tasks: [
            {
              name: taskName,
              timing: { mode: 'after', hours: 0, minutes: 0 },
              channel: 'message',
              contents: [{ kind: 'text', text: '您好，新品上市' }],
            },
          ],
        })
        .expect(201)
    ).body.id as string;

  /** The SOP reminders of a task that members received in WeCom, by member. */
  async function cardsByMember(taskName: string): Promise<Map<string, number>> {
    const { messages } = await simulator.appMessages(corp.corpId);
    const cards = new Map<string, number>();
    for (const message of messages) {
      if (message.msgtype !== 'textcard' || !message.content.description?.includes(`“${taskName}”`)) continue;
      for (const userid of message.touser) cards.set(userid, (cards.get(userid) ?? 0) + 1);
    }
    return cards;
  }

  /** Every customer entered and handed out once, each 跟进人 with one to-do, notified, and reminded once. */
  async function expectHandedOutOnce(planId: string, taskName: string): Promise<void> {
    await eventually(async () => {
      const todos = await SopTodoModel.find({ tenantId: TENANT, planId }, { notifiedAt: 1 }).lean();
      return todos.length > 0 && todos.every((todo) => todo.notifiedAt) ? todos : undefined;
    }, 180_000);
    const customers = built.customers.length;
    expect(await SopEnrollmentModel.countDocuments({ tenantId: TENANT, planId })).toBe(customers);
    const targets = await SopTargetModel.find({ tenantId: TENANT, planId }, { memberId: 1 }).lean();
    expect(targets.map((target) => target.memberId).sort()).toEqual([...built.customers].sort());
    const todos = await SopTodoModel.find({ tenantId: TENANT, planId }, { assigneeUserid: 1 }).lean();
    const cards = await cardsByMember(taskName);
    expect([...cards.keys()].sort()).toEqual(todos.map((todo) => todo.assigneeUserid.toLowerCase()).sort());
    expect([...cards.values()]).toEqual(todos.map(() => 1));
  }

  it('before: created while no worker runs, its members are reminded once a worker starts', async () => {
    await worker.kill();
    const planId = await createPlan('崩溃前创建');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await SopEnrollmentModel.countDocuments({ tenantId: TENANT, planId })).toBe(0);
    await worker.start();
    await expectHandedOutOnce(planId, '崩溃前创建');
  }, 240_000);

  it('during: killed while the reminders go out, nobody is reminded twice or left out', async () => {
    await simulator.setLatency(MESSAGE_PATH, SLOW_MESSAGE_MS);
    if (!worker.running) await worker.start();
    const planId = await createPlan('崩溃中提醒');
    // The first 跟进人 has the card: the next one's call is in flight when the kill lands.
    await eventually(async () => (await cardsByMember('崩溃中提醒')).size > 0, 120_000);
    await new Promise((resolve) => setTimeout(resolve, SLOW_MESSAGE_MS / 2));
    await worker.kill();
    await simulator.setLatency(MESSAGE_PATH, 0);
    await worker.start();
    await expectHandedOutOnce(planId, '崩溃中提醒');
  }, 300_000);
});
