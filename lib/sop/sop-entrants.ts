import type { estypes } from '@elastic/elasticsearch';
import type { SopTask } from '../contracts/sop.contract';
import { findMatchingAny } from '../db/find-matching-any';
import { insertManyOnce } from '../db/insert-many-once';
import { SopEnrollmentModel } from '../models/sop-enrollment.model';
import { SopPlanModel } from '../models/sop-plan.model';
import { SopReminderModel } from '../models/sop-reminder.model';
import type { ListSearch } from '../search/list-read-model';
import {
  MINUTE_MS,
  sopDueAt,
  sopMinuteOf,
  sopSlotKey,
  type SopPlanCarried,
  type SopSlot,
} from '../../workflows/sop-plan.contract';
import { creatorScope, scanSopMembers, type SopMember, type SopPlanForEngine } from './sop-members';

type Query = estypes.QueryDslQueryContainer;

/** Members are entered this many at a time: one search page, one read of enrollments, two inserts. */
export const SOP_ENTRY_BATCH = 500;

/**
 * How far back each poll looks before the previous one's end. A document becomes searchable up to a refresh
 * interval (1 s) after it was written, and the writer's clock may lag the worker's by a little: a member
 * written just before the previous poll but not yet visible to it is read again by this one. A member indexed
 * late (by the outbox drain after a failed write, or by a rebuild) gets a fresh indexedAt when it is, so it is
 * never missed either; reading a few again costs one enrollment lookup each.
 */
export const SOP_POLL_MARGIN_MS = 2 * MINUTE_MS;

export interface SopPlanStepInput {
  tenantId: string;
  planId: string;
  carried: Omit<SopPlanCarried, 'slots'>;
  /** Workflow time: a retried step writes the same entry times and due times. */
  now: number;
}

export type SopPlanStepResult =
  | { deleted: true }
  | {
      deleted: false;
      enabled: boolean;
      /** The plan's tasks as of this step (slots of other tasks are dropped). */
      appliedTaskIds: string[];
      /** Slots this step scheduled, one per task at most (everyone entered now is due at the same minute). */
      newSlots: SopSlot[];
      scannedUntil: number | null;
      entered: number;
    };

/** The plan as the engine reads it, or null when it is deleted or gone. */
export async function loadSopPlan(tenantId: string, planId: string): Promise<SopPlanForEngine | null> {
  const plan = await SopPlanModel.findOne({ tenantId, _id: planId }).lean<SopPlanForEngine>();
  return plan && !plan.deletedAt ? plan : null;
}

/**
 * One step of a plan's schedule (sopPlanWorkflow): who entered its audience since the last step. When the plan
 * has just been switched on, or tasks were added while on, the whole audience is read: members not yet
 * entered enter now with every task, members entered before get the new tasks from now. Otherwise the members
 * whose index documents changed since the last poll are read, and those not yet entered enter now. Every
 * write is insert-if-absent, so a retried step writes nothing twice.
 */
export async function runSopPlanStep(
  search: ListSearch,
  input: SopPlanStepInput,
  beat: (progress: { read: number }) => void,
): Promise<SopPlanStepResult> {
  const plan = await loadSopPlan(input.tenantId, input.planId);
  if (!plan) return { deleted: true };
  const { carried, now } = input;
  const taskIds = plan.tasks.map((task) => task.id);
  if (!plan.enabled) {
    return {
      deleted: false,
      enabled: false,
      appliedTaskIds: carried.appliedTaskIds,
      newSlots: [],
      scannedUntil: carried.scannedUntil,
      entered: 0,
    };
  }
  const applied = new Set(carried.appliedTaskIds);
  const newTasks = plan.tasks.filter((task) => !applied.has(task.id));
  const fullScan = !carried.enabled || newTasks.length > 0 || carried.scannedUntil === null;
  const since = fullScan ? null : carried.scannedUntil! - SOP_POLL_MARGIN_MS;
  const changed: Query | null = since === null ? null : { range: { indexedAt: { gte: since } } };
  const scope = await creatorScope(plan);
  const scheduled = new Set<string>();
  let read = 0;
  let entered = 0;
  for await (const members of scanSopMembers(search, plan, scope, changed, SOP_ENTRY_BATCH)) {
    const outcome = await enterBatch(plan, members, fullScan ? newTasks : [], now);
    for (const taskId of outcome.scheduledTaskIds) scheduled.add(taskId);
    entered += outcome.entered;
    read += members.length;
    beat({ read });
  }
  const newSlots = plan.tasks
    .filter((task) => scheduled.has(task.id))
    .map((task) => ({ taskId: task.id, minute: sopMinuteOf(sopDueAt(now, task.timing)) }));
  return { deleted: false, enabled: true, appliedTaskIds: taskIds, newSlots, scannedUntil: now, entered };
}

/**
 * Enters the batch's members not yet entered (every task due from `now`) and gives members entered earlier
 * `newTasks` from `now`. A member whose enrollment says it entered at `now` was entered by an earlier attempt
 * of this very step: its reminders are written again (absent ones only) and its slots answered again.
 * Reminders are written before enrollments, so that a crash in between leaves the member to the retry.
 */
async function enterBatch(
  plan: SopPlanForEngine,
  members: readonly SopMember[],
  newTasks: readonly SopTask[],
  now: number,
): Promise<{ entered: number; scheduledTaskIds: Set<string> }> {
  const planId = plan._id.toString();
  const enrollmentId = (member: SopMember) => `${planId}|${member.id}`;
  const existing = await findMatchingAny<{ _id: string; enteredAt: Date }>(
    SopEnrollmentModel,
    members.map((member) => ({ tenantId: plan.tenantId, _id: enrollmentId(member) })),
    { enteredAt: 1 },
  );
  const enteredAt = new Map(existing.map((row) => [row._id, row.enteredAt.getTime()]));
  const reminders: object[] = [];
  const enrollments: object[] = [];
  const scheduledTaskIds = new Set<string>();
  for (const member of members) {
    const before = enteredAt.get(enrollmentId(member));
    const entersNow = before === undefined || before === now;
    const tasks = entersNow ? plan.tasks : newTasks;
    for (const task of tasks) {
      const dueAt = sopDueAt(now, task.timing);
      const slot = { taskId: task.id, minute: sopMinuteOf(dueAt) };
      reminders.push({
        _id: `${planId}|${task.id}|${member.id}`,
        tenantId: plan.tenantId,
        planId,
        taskId: task.id,
        memberId: member.id,
        dueAt: new Date(dueAt),
        slot: sopSlotKey(planId, slot),
      });
      scheduledTaskIds.add(task.id);
    }
    if (before === undefined) {
      enrollments.push({
        _id: enrollmentId(member),
        tenantId: plan.tenantId,
        planId,
        memberId: member.id,
        enteredAt: new Date(now),
      });
    }
  }
  await insertManyOnce(SopReminderModel, reminders);
  await insertManyOnce(SopEnrollmentModel, enrollments);
  return { entered: enrollments.length, scheduledTaskIds };
}
