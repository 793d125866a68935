// Slow (100 s): it waits for the plans' minute-by-minute audience checks and for a reminder's own minute.
// Mostly waits: real minutes pass between the plans' audience checks; the CPU stays mostly idle.
import request from 'supertest';
import { loadAppMessageSender } from '../../activities/tenant-credentials';
import type { SopTask } from '../../lib/contracts/sop.contract';
import { CustomerModel } from '../../lib/models/customer.model';
import { SopPlanModel } from '../../lib/models/sop-plan.model';
import { SopEnrollmentModel } from '../../lib/models/sop-enrollment.model';
import { SopReminderModel } from '../../lib/models/sop-reminder.model';
import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { StaffModel } from '../../lib/models/staff.model';
import { fireSopSlot } from '../../lib/sop/sop-fire';
import { executeWorkflow, signalWithStartWorkflow } from '../../lib/temporal/typed-workflows';
import { sopPlanWorkflowId } from '../../lib/temporal/workflow-ids';
import { WeComClient } from '../../lib/wecom/client';
import { createMessageApi } from '../../lib/wecom/message-api';
import {
  MINUTE_MS,
  sopMinuteOf,
  sopPlanChangedSignal,
  sopPlanStateQuery,
  type SopPlanCarried,
} from '../../workflows/sop-plan.contract';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import {
  customerScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('sop-engine');
const ADMIN_MOBILE = '13700000801';

const task = (id: string, name: string, minutes: number): SopTask => ({
  id,
  name,
  timing: { mode: 'after', hours: 0, minutes },
  channel: 'message',
  contents: [{ kind: 'text', text: '您好，欢迎了解我们的新品' }],
});
const AT_ONCE = task('t-at-once', '入群问候', 0);
const TEN_MINUTES = task('t-ten', '十分钟回访', 10);

/**
 * The SOP engine on the real stack (W-15, I-114, I-118): a plan over customers with a tag, run by its workflow
 * on the worker; tagging a customer in the admin puts them into the plan within a minute or two, and the
 * at-once reminder reaches their 跟进人 as an app message in the simulator while the ten-minute one waits in
 * the workflow. The plan api is another engineer's: the plans are written to MongoDB here, and their
 * workflows started with signalWithStart as the api will.
 */
describe('SOP engine', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: ReturnType<typeof request.agent>;
  let creator: { staffId: string; userid: string; name: string };

  beforeAll(async () => {
    app = await startTestApp('sop-engine');
    corp = await simulator.createCorp('SOP企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    built = await populateCustomerCorp(corp.corpId);
    await app.startWorker();
    for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
      await executeWorkflow(app.temporal.workflow, workflowType, {
        workflowId: `${workflowType}/${TENANT}`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: TENANT, trigger: 'schedule' }],
      });
    }
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    const superAdmin = await StaffModel.findOne({ tenantId: TENANT, mobile: ADMIN_MOBILE }).lean();
    creator = { staffId: String(superAdmin!._id), userid: superAdmin!.userid, name: '管理员' };
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** Saves a plan and tells its workflow, as the api does on create, edit and switch. */
  async function savePlan(
    planId: string | null,
    fields: { name: string; tagIds: string[]; tasks: SopTask[]; enabled: boolean },
    carried?: SopPlanCarried,
  ): Promise<string> {
    const document = {
      tenantId: TENANT,
      name: fields.name,
      scopeKind: 'customers',
      scope: { kind: 'customers', customers: { addedBetween: null, tagIds: fields.tagIds } },
      tasks: fields.tasks,
      enabled: fields.enabled,
      enabledAt: fields.enabled ? new Date() : null,
      creator,
    };
    const id = planId ?? String((await SopPlanModel.create(document))._id);
    if (planId) await SopPlanModel.updateOne({ tenantId: TENANT, _id: planId }, { $set: document });
    await signalWithStartWorkflow(app.temporal.workflow, 'sopPlanWorkflow', {
      workflowId: sopPlanWorkflowId(TENANT, id),
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, planId: id, carried }],
      signal: sopPlanChangedSignal,
    });
    return id;
  }

  const ownerOf = async (externalUserid: string) =>
    (await CustomerModel.findOne({ tenantId: TENANT, externalUserid }, { ownerUserid: 1 }).lean())!
      .ownerUserid!;
  /** The SOP reminders a member received in WeCom (app messages whose card names the task). */
  const cardsFor = async (userid: string, taskName: string) =>
    (await simulator.appMessages(corp.corpId, userid)).messages.filter(
      (message) => message.msgtype === 'textcard' && message.content.description?.includes(`“${taskName}”`),
    );
  const tag = (body: { externalUserids: string[]; addTagIds?: string[]; removeTagIds?: string[] }) =>
    admin.post('/api/customers/tags').send(body).expect(202);

  it('enters the audience at switch-on and tagged customers later, reminds their 跟进人, and checks the audience at fire time', async () => {
    const [, lisi, wangwu, zhaoliu] = built.customers;
    const planId = await savePlan(null, {
      name: '新客培育',
      tagIds: [built.tags.normal],
      tasks: [AT_ONCE, TEN_MINUTES],
      enabled: true,
    });
    const handle = app.temporal.workflow.getHandle(sopPlanWorkflowId(TENANT, planId));

    // 李四 has the tag already: entered at switch-on, reminded at once.
    const lisiOwner = await ownerOf(lisi);
    const [card] = await eventually(async () => {
      const cards = await cardsFor(lisiOwner, AT_ONCE.name);
      return cards.length > 0 && cards;
    }, 60_000);
    expect(card.content).toMatchObject({ title: 'SOP任务提醒' });
    expect(card.content.url).toMatch(
      new RegExp(`/h5/sop-todos/${encodeURIComponent(`${planId}|${AT_ONCE.id}|`).replace(/\|/g, '\\|')}`),
    );

    // Tagged in the admin: 王五 and 赵六 enter within a minute or two.
    await tag({ externalUserids: [wangwu, zhaoliu], addTagIds: [built.tags.normal] });
    const wangwuOwner = await ownerOf(wangwu);
    const zhaoliuOwner = await ownerOf(zhaoliu);
    await eventually(async () => (await cardsFor(wangwuOwner, AT_ONCE.name)).length > 0, 150_000);
    await eventually(async () => (await cardsFor(zhaoliuOwner, AT_ONCE.name)).length > 0, 30_000);
    // The to-do is marked notified a moment after its card is sent (so a retry resends rather than loses it).
    const todo = await eventually(async () => {
      const stored = await SopTodoModel.findOne({
        tenantId: TENANT,
        assigneeUserid: wangwuOwner,
        taskId: AT_ONCE.id,
      });
      return stored?.notifiedAt ? stored : undefined;
    }, 30_000);
    expect(todo).toMatchObject({ taskName: AT_ONCE.name, channel: 'message', targetCount: 1 });
    expect(
      await SopTargetModel.countDocuments({ tenantId: TENANT, todoId: todo!._id, memberId: wangwu }),
    ).toBe(1);

    // The ten-minute reminders wait in the workflow: one slot per minute in which members entered.
    const tenMinute = await SopReminderModel.find({
      tenantId: TENANT,
      planId,
      taskId: TEN_MINUTES.id,
    }).lean();
    expect(tenMinute.map((reminder) => reminder.memberId).sort()).toEqual([lisi, wangwu, zhaoliu].sort());
    const slots = [...new Set(tenMinute.map((reminder) => sopMinuteOf(reminder.dueAt.getTime())))].sort();
    // The at-once slot leaves the workflow's schedule when its activity completes, a moment after the send.
    const state = await eventually(async () => {
      const current = await handle.query(sopPlanStateQuery);
      return current.pendingSlots === slots.length ? current : undefined;
    }, 30_000).catch(() => handle.query(sopPlanStateQuery));
    expect(state).toMatchObject({
      enabled: true,
      pendingSlots: slots.length,
      nextDueAt: slots[0] * MINUTE_MS,
    });
    // Nobody got the ten-minute one yet, and nobody got anything twice.
    expect(await cardsFor(wangwuOwner, TEN_MINUTES.name)).toHaveLength(0);
    expect(await cardsFor(lisiOwner, AT_ONCE.name)).toHaveLength(1);

    // 赵六 leaves the audience before the ten-minute reminder: firing it (as the workflow will, here early)
    // hands out 王五's and 李四's, not 赵六's.
    await tag({ externalUserids: [zhaoliu], removeTagIds: [built.tags.normal] });
    const messages = createMessageApi(new WeComClient({ baseUrl: app.config.wecomApiBase }));
    await eventually(async () => {
      const { hits } = await app.listSearch.es.search({
        index: `${app.config.esIndexPrefix}customers`,
        query: {
          bool: { filter: [{ term: { externalUserid: zhaoliu } }, { term: { tagIds: built.tags.normal } }] },
        },
      });
      return hits.hits.length === 0;
    });
    for (const minute of slots) {
      await fireSopSlot(
        {
          search: app.listSearch,
          appSender: loadAppMessageSender,
          sendToMembers: (sender, touser, message) => messages.sendToMembers(sender, touser, message),
          publicUrl: app.baseUrl,
          beat: () => undefined,
        },
        { tenantId: TENANT, planId, slot: { taskId: TEN_MINUTES.id, minute } },
      );
    }
    const targets = await SopTargetModel.find({ tenantId: TENANT, planId, taskId: TEN_MINUTES.id }).lean();
    expect(targets.map((target) => target.memberId).sort()).toEqual([lisi, wangwu].sort());
    expect(await cardsFor(wangwuOwner, TEN_MINUTES.name)).toHaveLength(1);
    expect(await cardsFor(zhaoliuOwner, TEN_MINUTES.name)).toHaveLength(0);
  }, 300_000);

  it('switched off and on again, sends none of the reminders that fell due meanwhile', async () => {
    const [, , wangwu] = built.customers;
    const missed = task('t-missed', '错过的提醒', 0);
    const now = Date.now();
    const minute = sopMinuteOf(now);
    // A plan that was on with a reminder due this minute (as a previous run carried it), switched off before
    // it fired.
    const planId = await savePlan(
      null,
      { name: '暂停计划', tagIds: ['et-nobody'], tasks: [missed], enabled: false },
      {
        enabled: true,
        appliedTaskIds: [missed.id],
        slots: [{ taskId: missed.id, minute }],
        scannedUntil: now,
      },
    );
    await SopReminderModel.create({
      _id: `${planId}|${missed.id}|${wangwu}`,
      tenantId: TENANT,
      planId,
      taskId: missed.id,
      memberId: wangwu,
      dueAt: new Date(minute * MINUTE_MS),
      slot: `${planId}|${missed.id}|${minute}`,
    });
    const handle = app.temporal.workflow.getHandle(sopPlanWorkflowId(TENANT, planId));
    await eventually(async () => (await handle.query(sopPlanStateQuery)).enabled === false);
    expect((await handle.query(sopPlanStateQuery)).pendingSlots).toBe(1);

    // On again: the slot fell due while the plan was off, so it is dropped, not sent late.
    await savePlan(planId, { name: '暂停计划', tagIds: ['et-nobody'], tasks: [missed], enabled: true });
    await eventually(async () => {
      const state = await handle.query(sopPlanStateQuery);
      return state.enabled && state.pendingSlots === 0;
    });
    expect(await cardsFor(await ownerOf(wangwu), missed.name)).toHaveLength(0);
    expect(await SopTodoModel.countDocuments({ tenantId: TENANT, planId })).toBe(0);

    // Deleted: the workflow ends.
    await SopPlanModel.updateOne({ tenantId: TENANT, _id: planId }, { $set: { deletedAt: new Date() } });
    await handle.signal(sopPlanChangedSignal);
    await handle.result();
  }, 60_000);

  /** Creates a plan through the api (on at once), as the admin's 新建 does. */
  const createPlan = async (name: string, scope: object, timing: SopTask['timing']): Promise<string> =>
    (
      await admin
        .post('/api/sop/plans')
        .send({
          name,
          scope,
          tasks: [{ name, timing, channel: 'message', contents: [{ kind: 'text', text: '您好，新品上市' }] }],
        })
        .expect(201)
    ).body.id as string;

  it('runs a 企微客户群 plan: the matching groups enter, and each 群主 is reminded of theirs', async () => {
    const chatIds: string[] = [];
    for (const [name, owner] of [
      ['SOP产品交流一群', 'lina'],
      ['SOP产品交流二群', 'wangwei'],
      ['周末闲聊群', 'zhaomin'],
    ]) {
      const { group_chat } = await customerScenario.createGroupChat(corp.corpId, {
        name,
        owner,
        members: [{ userid: owner, type: 1 }],
      });
      chatIds.push(group_chat.chat_id);
    }
    await executeWorkflow(app.temporal.workflow, 'customerGroupSyncWorkflow', {
      workflowId: `customerGroupSyncWorkflow/${TENANT}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });
    await refreshListSearch(app);
    const name = '群公告提醒';
    const planId = await createPlan(
      name,
      { kind: 'groups', groups: { groupTagIds: [], ownerUserids: [], nameKeyword: 'SOP产品交流' } },
      { mode: 'after', hours: 0, minutes: 0 },
    );

    const todos = await eventually(async () => {
      const found = await SopTodoModel.find({ tenantId: TENANT, planId }).lean();
      return found.length === 2 && found.every((todo) => todo.notifiedAt) && found;
    }, 120_000);
    expect(todos.map((todo) => [todo.assigneeUserid, todo.scopeKind, todo.targetCount]).sort()).toEqual([
      ['lina', 'groups', 1],
      ['wangwei', 'groups', 1],
    ]);
    const targets = await SopTargetModel.find({ tenantId: TENANT, planId }).lean();
    expect(targets.map((target) => [target.assigneeUserid, target.memberId]).sort()).toEqual([
      ['lina', chatIds[0]],
      ['wangwei', chatIds[1]],
    ]);
    expect(await cardsFor('lina', name)).toHaveLength(1);
    expect(await cardsFor('wangwei', name)).toHaveLength(1);
    expect(await cardsFor('zhaomin', name)).toHaveLength(0);
  }, 180_000);

  it('fires a reminder due minutes after entry in its own minute, not before (the 10-minute path, 1 minute)', async () => {
    const name = '一分钟回访';
    const planId = await createPlan(
      name,
      { kind: 'customers', customers: { addedBetween: null, tagIds: [built.tags.vip] } },
      { mode: 'after', hours: 0, minutes: 1 },
    );
    const enrollment = await eventually(
      async () => (await SopEnrollmentModel.findOne({ tenantId: TENANT, planId }).lean()) ?? undefined,
      60_000,
    );
    const dueAt = sopMinuteOf(enrollment.enteredAt.getTime() + MINUTE_MS) * MINUTE_MS;
    const owners = [
      ...new Set(
        await Promise.all(
          (await SopEnrollmentModel.find({ tenantId: TENANT, planId }).lean()).map((row) =>
            ownerOf(row.memberId),
          ),
        ),
      ),
    ];
    // Just before its minute nothing has gone out (entered in a minute's last seconds, it is due at once).
    const untilJustBefore = dueAt - 2_000 - Date.now();
    if (untilJustBefore > 0) {
      await new Promise((resolve) => setTimeout(resolve, untilJustBefore));
      for (const owner of owners) expect(await cardsFor(owner, name)).toHaveLength(0);
    }
    // In its minute, each 跟进人 gets it once.
    for (const owner of owners) {
      const [card, ...more] = await eventually(async () => {
        const cards = await cardsFor(owner, name);
        return cards.length > 0 && cards;
      }, 120_000);
      expect(more).toHaveLength(0);
      expect(card.sentAt).toBeGreaterThanOrEqual(dueAt);
      expect(card.sentAt).toBeLessThan(dueAt + MINUTE_MS);
    }
  }, 240_000);
});
