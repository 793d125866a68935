/**
 * The SOP engine at campaign scale (issue 16): 100,000 customers carrying one tag (loaded into MongoDB and the
 * customer index in bulk, through the product's own projection), 30 members as their 跟进人, and one plan over
 * the tag with 3 tasks (at once, 10 minutes, the next day 09:00) created through the api and run by the real
 * sopPlanWorkflow on a real worker. Prints: the time from 新建 to every member entered with every reminder
 * scheduled (300,000 rows); the burst of the at-once task — every member handed out as to-dos of their 跟进人
 * with one app message each — in members/s; the plan workflow's history (events) after it; and, in the same
 * run, the database's ceiling: a raw `insertMany` of 100,000 target-shaped rows into a scratch collection.
 *
 *   BENCH_SOP_CUSTOMERS=100000   customers in the audience (default)
 *   BENCH_SOP_STAFF=30           members following them
 */
import mongoose, { Types } from 'mongoose';
import request from 'supertest';
import type { SopPlanInput } from '../lib/contracts/sop.contract';
import { deriveCustomerFields } from '../lib/customers/customer-derived';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { CustomerModel } from '../lib/models/customer.model';
import { SopEnrollmentModel } from '../lib/models/sop-enrollment.model';
import { SopTargetModel } from '../lib/models/sop-target.model';
import { SopTodoModel } from '../lib/models/sop-todo.model';
import { customerReadModel } from '../lib/search/customer-index';
import { indexListSources, withListIndex } from '../lib/search/list-read-model';
import { sopPlanWorkflowId } from '../lib/temporal/workflow-ids';
import { startTestApp } from '../test/support/app-harness';
import { refreshListSearch } from '../test/support/list-search';
import { simulator } from '../test/support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../test/support/tenant-fixture';

const CUSTOMERS = Number(process.env.BENCH_SOP_CUSTOMERS ?? 100_000);
const STAFF = Number(process.env.BENCH_SOP_STAFF ?? 30);
const BATCH = 5_000;
const ADMIN_MOBILE = '13700000096';
const TAG_ID = 'et-sop-bench';

const seconds = (since: number) => (performance.now() - since) / 1000;
const rate = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')}/s`;

async function waitFor(what: string, probe: () => Promise<boolean>, ms: number, everyMs = 2_000) {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function customerDocument(tenantId: string, index: number, staff: string[]) {
  const follows = [
    {
      userid: staff[index % staff.length],
      remark: '',
      description: '',
      addedAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000),
      tagIds: [TAG_ID],
      remarkCorpName: '',
      remarkMobiles: [],
      addWay: 1,
      operUserid: '',
      state: '',
    },
  ];
  const now = new Date();
  return {
    _id: new Types.ObjectId(),
    tenantId,
    externalUserid: `wmsop${String(index).padStart(9, '0')}`,
    name: `客户${index}`,
    avatar: '',
    type: 1,
    gender: 0,
    corpName: '',
    corpFullName: '',
    position: '',
    follows,
    profile: {},
    ...deriveCustomerFields(follows),
    active: true,
    createdAt: now,
    updatedAt: now,
  };
}

async function main(): Promise<void> {
  const tenantId = freshTenantId('bench-sop');
  const app = await startTestApp('bench_sop');
  const corp = await simulator.createCorp('SOP压测企业');
  const staff = Array.from({ length: STAFF }, (_, i) => `sop${String(i + 1).padStart(2, '0')}`);
  for (const [i, userid] of staff.entries()) {
    await simulator.addUser(corp.corpId, {
      userid,
      name: `销售${i + 1}`,
      mobile: `139100000${String(i).padStart(2, '0')}`,
      department: [1],
    });
  }
  await createBoundTenant(tenantId, corp, { adminMobile: ADMIN_MOBILE });
  await CorpTagGroupModel.create({
    tenantId,
    groupId: 'etg-sop-bench',
    name: '压测',
    order: 0,
    tags: [{ tagId: TAG_ID, name: '培育中', order: 0 }],
  });

  const loadBegan = performance.now();
  for (let start = 0; start < CUSTOMERS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, CUSTOMERS - start) }, (_, i) =>
      customerDocument(tenantId, start + i, staff),
    );
    await Promise.all([
      CustomerModel.collection.insertMany(batch, { ordered: false }),
      withListIndex(app.listSearch, customerReadModel, () =>
        indexListSources(app.listSearch, customerReadModel, batch),
      ),
    ]);
  }
  await refreshListSearch(app);
  console.log(
    `SOP: ${CUSTOMERS.toLocaleString('en')} customers over ${STAFF} members loaded in ` +
      `${seconds(loadBegan).toFixed(1)} s`,
  );

  await app.startWorker();
  const admin = request.agent(app.baseUrl);
  await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  const text = (name: string) => ({
    name,
    channel: 'message' as const,
    contents: [{ kind: 'text' as const, text: `${name}：您好，新品上市` }],
  });
  const plan: SopPlanInput = {
    name: '压测计划',
    scope: { kind: 'customers', customers: { addedBetween: null, tagIds: [TAG_ID] } },
    tasks: [
      { ...text('立即问候'), timing: { mode: 'after', hours: 0, minutes: 0 } },
      { ...text('十分钟回访'), timing: { mode: 'after', hours: 0, minutes: 10 } },
      { ...text('次日关怀'), timing: { mode: 'days', days: 1, time: '09:00' } },
    ],
  };
  const began = performance.now();
  const created = await admin.post('/api/sop/plans').send(plan).expect(201);
  const planId: string = created.body.id;

  // Scheduled: every member entered (enrollments are written after their reminders, batch by batch).
  await waitFor(
    'every member entered',
    async () => (await SopEnrollmentModel.countDocuments({ tenantId, planId })) >= CUSTOMERS,
    30 * 60_000,
  );
  const scheduledIn = seconds(began);
  console.log(
    `  新建 → ${CUSTOMERS.toLocaleString('en')} members entered, ${(CUSTOMERS * 3).toLocaleString('en')} ` +
      `reminders scheduled: ${scheduledIn.toFixed(1)} s (${rate(CUSTOMERS, scheduledIn)} members)`,
  );

  // The at-once task fires right after the step that scheduled it: to-dos, targets and messages.
  const burstBegan = performance.now();
  await waitFor(
    'the at-once task handed out',
    async () => {
      const targets = await SopTargetModel.countDocuments({ tenantId, planId });
      if (targets < CUSTOMERS) return false;
      const todos = await SopTodoModel.find({ tenantId, planId }, { notifiedAt: 1 }).lean();
      return todos.length > 0 && todos.every((todo) => todo.notifiedAt);
    },
    30 * 60_000,
  );
  const burst = seconds(burstBegan);
  const todos = await SopTodoModel.countDocuments({ tenantId, planId });
  console.log(
    `  at-once task: ${CUSTOMERS.toLocaleString('en')} members → ${todos} to-dos and app messages in ` +
      `${burst.toFixed(1)} s after scheduling (${rate(CUSTOMERS, burst)} members)`,
  );

  const description = await app.temporal.workflow.getHandle(sopPlanWorkflowId(tenantId, planId)).describe();
  console.log(
    `  plan workflow history so far: ${description.historyLength} events (a run continues as new after ` +
      `240 steps, about 2,650 events)`,
  );

  // The ceiling: the same number of target-shaped rows in one unordered insertMany.
  const scratch = mongoose.connection.collection('bench_sop_ceiling');
  const rows = Array.from({ length: CUSTOMERS }, (_, i) => ({
    _id: `ceiling|${i}`,
    tenantId,
    planId,
    taskId: 't',
    todoId: `todo|${i % STAFF}`,
    memberId: `wmsop${i}`,
    memberName: `客户${i}`,
    assigneeUserid: staff[i % STAFF],
    sentAt: new Date(),
    received: false,
    receivedAt: null,
  }));
  const ceilingBegan = performance.now();
  for (let at = 0; at < rows.length; at += BATCH) {
    await scratch.insertMany(rows.slice(at, at + BATCH) as never[], { ordered: false });
  }
  const ceiling = seconds(ceilingBegan);
  console.log(
    `  ceiling: insertMany of ${CUSTOMERS.toLocaleString('en')} target rows: ${ceiling.toFixed(1)} s ` +
      `(${rate(CUSTOMERS, ceiling)})`,
  );
  await scratch.drop();
  await app.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
