import { findMatchingAny } from '../db/find-matching-any';
import { insertManyOnce } from '../db/insert-many-once';
import { SopReminderModel } from '../models/sop-reminder.model';
import { SopTargetModel } from '../models/sop-target.model';
import { SopTodoModel } from '../models/sop-todo.model';
import { writeListRows, type ListSearch } from '../search/list-read-model';
import { sopTargetReadModel } from '../search/sop-target-index';
import type { AppMessage, AppMessageReceipt, AppSender } from '../wecom/message-api';
import { MINUTE_MS, sopSlotKey, type SopSlot } from '../../workflows/sop-plan.contract';
import { loadSopPlan } from './sop-entrants';
import { creatorScope, memberIdField, scanSopMembers, type SopMember } from './sop-members';
import { sopTodoTextcard } from './sop-todo-message';

/** Reminders are read, checked against the audience and written this many at a time. */
const FIRE_BATCH = 500;

export interface SopFireDeps {
  search: ListSearch;
  appSender: (tenantId: string) => Promise<AppSender>;
  sendToMembers: (
    sender: AppSender,
    touser: readonly string[],
    message: AppMessage,
  ) => Promise<AppMessageReceipt>;
  publicUrl: string;
  beat: (progress: { step: string; done: number }) => void;
}

export interface SopFireResult {
  /** Why nothing fired: the plan is deleted or off, or the task is no longer in it. */
  skipped: 'deleted' | 'off' | 'task-gone' | null;
  todos: number;
  targets: number;
  notified: number;
}

/**
 * Fires one slot (I-118): the task's reminders due in that minute, of members still in the audience, become
 * one to-do per 跟进人 (群主 for groups) with its members as targets, and each to-do's staff member gets one app
 * message. Rows are inserted if absent and a to-do is marked notified once its message went out (WeCom's
 * duplicate check covers a crash in between), so a retried fire hands out and sends nothing twice.
 */
export async function fireSopSlot(
  deps: SopFireDeps,
  input: { tenantId: string; planId: string; slot: SopSlot },
): Promise<SopFireResult> {
  const { tenantId, planId, slot } = input;
  const nothing = (skipped: SopFireResult['skipped']) => ({ skipped, todos: 0, targets: 0, notified: 0 });
  const plan = await loadSopPlan(tenantId, planId);
  if (!plan) return nothing('deleted');
  if (!plan.enabled) return nothing('off');
  const task = plan.tasks.find((candidate) => candidate.id === slot.taskId);
  if (!task) return nothing('task-gone');
  const scope = await creatorScope(plan);
  const sentAt = new Date(slot.minute * MINUTE_MS);
  const todoIdOf = (userid: string) => `${planId}|${task.id}|${slot.minute}|${userid}`;

  // Members still in the audience, by who is reminded of them.
  const byAssignee = new Map<string, SopMember[]>();
  const reminders = SopReminderModel.find({ tenantId, slot: sopSlotKey(planId, slot) }, { memberId: 1 })
    .lean()
    .cursor({ batchSize: FIRE_BATCH });
  let batch: string[] = [];
  let checked = 0;
  const check = async () => {
    const ids = { terms: { [memberIdField(plan)]: batch } };
    for await (const members of scanSopMembers(deps.search, plan, scope, ids, FIRE_BATCH)) {
      for (const member of members) {
        if (!member.assigneeUserid) continue;
        const list = byAssignee.get(member.assigneeUserid) ?? [];
        list.push(member);
        byAssignee.set(member.assigneeUserid, list);
      }
    }
    checked += batch.length;
    batch = [];
    deps.beat({ step: 'check', done: checked });
  };
  for await (const reminder of reminders) {
    batch.push(reminder.memberId);
    if (batch.length >= FIRE_BATCH) await check();
  }
  if (batch.length > 0) await check();

  // Targets before their to-do: a to-do that exists has all its members.
  const targets = [...byAssignee].flatMap(([userid, members]) =>
    members.map((member) => ({
      _id: `${todoIdOf(userid)}|${member.id}`,
      tenantId,
      planId,
      taskId: task.id,
      todoId: todoIdOf(userid),
      memberId: member.id,
      memberName: member.name,
      assigneeUserid: userid,
      sentAt,
    })),
  );
  for (let at = 0; at < targets.length; at += FIRE_BATCH) {
    const rows = targets.slice(at, at + FIRE_BATCH);
    await writeListRows(
      deps.search,
      sopTargetReadModel,
      tenantId,
      rows.map((row) => row._id),
      () => insertManyOnce(SopTargetModel, rows),
    );
    deps.beat({ step: 'targets', done: at + rows.length });
  }
  const todos = [...byAssignee].map(([userid, members]) => ({
    _id: todoIdOf(userid),
    tenantId,
    planId,
    taskId: task.id,
    assigneeUserid: userid,
    scopeKind: plan.scope.kind,
    taskName: task.name,
    channel: task.channel,
    contents: task.contents,
    dueAt: sentAt,
    targetCount: members.length,
  }));
  for (let at = 0; at < todos.length; at += FIRE_BATCH) {
    await insertManyOnce(SopTodoModel, todos.slice(at, at + FIRE_BATCH));
  }

  // One message per to-do not yet notified (an earlier attempt's are).
  const stored = await findMatchingAny<{ _id: string; assigneeUserid: string; notifiedAt: Date | null }>(
    SopTodoModel,
    todos.map((todo) => ({ tenantId, _id: todo._id })),
    { assigneeUserid: 1, notifiedAt: 1 },
  );
  const pending = stored.filter((todo) => !todo.notifiedAt);
  let notified = 0;
  if (pending.length > 0) {
    const sender = await deps.appSender(tenantId);
    for (const todo of pending) {
      const textcard = sopTodoTextcard(deps.publicUrl, { id: todo._id, taskName: task.name });
      await deps.sendToMembers(sender, [todo.assigneeUserid], { msgtype: 'textcard', textcard });
      await SopTodoModel.updateOne({ tenantId, _id: todo._id }, { $set: { notifiedAt: new Date() } });
      notified += 1;
      deps.beat({ step: 'notify', done: notified });
    }
  }
  return { skipped: null, todos: todos.length, targets: targets.length, notified };
}
