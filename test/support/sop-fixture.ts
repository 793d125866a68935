import request from 'supertest';
import type { SopTiming } from '../../lib/contracts/sop.contract';
import { SopEnrollmentModel } from '../../lib/models/sop-enrollment.model';
import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { eventually, type TestApp } from './app-harness';
import { refreshListSearch } from './list-search';
import { populateCustomerCorp, simulator, type SimCorp, type SmallCustomerCorp } from './sim-client';
import { ADMIN_PASSWORD, createBoundTenant } from './tenant-fixture';

/**
 * A bound tenant for the SOP engine's outage tests (worker, Temporal and database kills): the small customer
 * corp of the simulator synced in, an admin logged in, plans over every customer, and the checks that each
 * customer was handed out once and each 跟进人 reminded once, by what the simulator (WeCom) delivered.
 */
export interface SopCorp {
  tenantId: string;
  corp: SimCorp;
  built: SmallCustomerCorp;
  admin: ReturnType<typeof request.agent>;
}

/** Binds the tenant and syncs its tags and customers; a worker must be running for the syncs. */
export async function prepareSopCorp(
  app: TestApp,
  options: { tenantId: string; adminMobile: string; corpName: string },
): Promise<SopCorp> {
  const { tenantId, adminMobile } = options;
  const corp = await simulator.createCorp(options.corpName);
  await createBoundTenant(tenantId, corp, { adminMobile });
  const built = await populateCustomerCorp(corp.corpId);
  for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
    await executeWorkflow(app.temporal.workflow, workflowType, {
      workflowId: `${workflowType}/${tenantId}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId, trigger: 'schedule' }],
    });
  }
  await refreshListSearch(app);
  const admin = request.agent(app.baseUrl);
  await admin.post('/api/auth/login').send({ phone: adminMobile, password: ADMIN_PASSWORD }).expect(200);
  return { tenantId, corp, built, admin };
}

/** Creates a plan (on at once) over every customer (添加时间 of any day) with one task, due at once by default. */
export async function createPlanOverEveryone(
  { admin }: SopCorp,
  taskName: string,
  timing: SopTiming = { mode: 'after', hours: 0, minutes: 0 },
): Promise<string> {
  const response = await admin
    .post('/api/sop/plans')
    .send({
      name: taskName,
      scope: {
        kind: 'customers',
        customers: { addedBetween: { from: '2000-01-01', to: '2099-12-31' }, tagIds: [] },
      },
      tasks: [
        { name: taskName, timing, channel: 'message', contents: [{ kind: 'text', text: '您好，新品上市' }] },
      ],
    })
    .expect(201);
  return response.body.id as string;
}

/** The SOP reminders of a task that members received in WeCom, by member. */
export async function cardsByMember({ corp }: SopCorp, taskName: string): Promise<Map<string, number>> {
  const { messages } = await simulator.appMessages(corp.corpId);
  const cards = new Map<string, number>();
  for (const message of messages) {
    if (message.msgtype !== 'textcard' || !message.content.description?.includes(`“${taskName}”`)) continue;
    for (const userid of message.touser) cards.set(userid, (cards.get(userid) ?? 0) + 1);
  }
  return cards;
}

/**
 * Waits until every to-do of the plan is notified, then: every customer entered and is a target once, each
 * 跟进人 has one to-do, and WeCom delivered exactly one reminder per to-do.
 */
export async function expectHandedOutOnce(
  sop: SopCorp,
  planId: string,
  taskName: string,
  timeoutMs = 180_000,
): Promise<void> {
  const { tenantId, built } = sop;
  await eventually(async () => {
    const todos = await SopTodoModel.find({ tenantId, planId }, { notifiedAt: 1 }).lean();
    return todos.length > 0 && todos.every((todo) => todo.notifiedAt) ? todos : undefined;
  }, timeoutMs);
  expect(await SopEnrollmentModel.countDocuments({ tenantId, planId })).toBe(built.customers.length);
  const targets = await SopTargetModel.find({ tenantId, planId }, { memberId: 1 }).lean();
  expect(targets.map((target) => target.memberId).sort()).toEqual([...built.customers].sort());
  const todos = await SopTodoModel.find({ tenantId, planId }, { assigneeUserid: 1 }).lean();
  const cards = await cardsByMember(sop, taskName);
  expect([...cards.keys()].sort()).toEqual(todos.map((todo) => todo.assigneeUserid.toLowerCase()).sort());
  expect([...cards.values()]).toEqual(todos.map(() => 1));
}
