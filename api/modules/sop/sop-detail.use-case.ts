import type {
  SopDetailQuery,
  SopPlanStats,
  SopReceiptRow,
  SopStaffRow,
} from '../../../lib/contracts/sop.contract';
import { SOP_REACH_ALL, SopReachModel } from '../../../lib/models/sop-reach.model';
import { SopTodoModel, type SopTodo } from '../../../lib/models/sop-todo.model';
import { businessDay } from '../../../lib/org/manual-sync-quota';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { searchSopTargetRows } from '../../../lib/search/sop-target-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { visiblePlan } from './sop-plans.use-case';

/**
 * SOP计划详情's header (R-8.2-06, I-116), of the whole plan or of one task node. 执行员工数 = distinct assignees
 * of the node's to-dos; 今日 / 总触达客户数 = counts of the 触达 rows kept per {node or plan, China day or all
 * time} (lib/models/sop-reach.model.ts), so neither is a distinct over members.
 */
export async function sopPlanStats(
  caller: Caller,
  { planId, taskId }: { planId: string; taskId?: string },
): Promise<SopPlanStats> {
  const plan = await visiblePlan(caller, planId);
  const { tenantId } = caller;
  const reach = (day: string) =>
    SopReachModel.countDocuments({ tenantId, planId, taskId: taskId ?? SOP_REACH_ALL, day });
  const [assignees, reachedToday, reachedTotal] = await Promise.all([
    SopTodoModel.distinct('assigneeUserid', { tenantId, planId, ...(taskId ? { taskId } : {}) }),
    reach(businessDay(new Date())),
    reach(SOP_REACH_ALL),
  ]);
  return { taskCount: plan.tasks.length, staffCount: assignees.length, reachedToday, reachedTotal };
}

/**
 * 员工执行明细 (I-116): a task node's to-dos, newest first, of the staff in the caller's 数据权限 (optionally
 * one of them). Read by MongoDB equality on {tenantId, planId, taskId} (indexed) and ordered here: a node's
 * to-dos are one per staff member per minute in which some of their members fell due (I-118), which stays
 * modest (the task fires once per member, and members entering together share a minute).
 */
export async function sopStaffRows(
  caller: Caller,
  { planId, ...query }: SopDetailQuery & { planId: string },
) {
  await visiblePlan(caller, planId);
  const scope = await caller.scope();
  const todos = await SopTodoModel.find(
    {
      tenantId: caller.tenantId,
      planId,
      taskId: query.taskId,
      ...(query.staffUserid ? { assigneeUserid: query.staffUserid } : {}),
    },
    { assigneeUserid: 1, targetCount: 1, done: 1, doneAt: 1, dueAt: 1 },
  ).lean<Array<Pick<SopTodo, '_id' | 'assigneeUserid' | 'targetCount' | 'done' | 'doneAt' | 'dueAt'>>>();
  const visible = todos
    .filter((todo) => scope.all || scope.userids.includes(todo.assigneeUserid))
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime() || (a._id < b._id ? 1 : -1));
  const page = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await staffNamesByUserid(
    caller.tenantId,
    page.map((todo) => todo.assigneeUserid),
  );
  const items: SopStaffRow[] = page.map((todo) => ({
    instanceId: todo._id,
    staff: { userid: todo.assigneeUserid, name: names.get(todo.assigneeUserid) ?? todo.assigneeUserid },
    targetCount: todo.targetCount,
    done: todo.done ?? false,
    doneAt: todo.doneAt?.toISOString() ?? null,
    dueAt: todo.dueAt.toISOString(),
  }));
  return { items, total: visible.length, page: query.page, pageSize: query.pageSize };
}

/** 客户接收明细 (R-8.2-09): a task node's members from the index, of the 发送员工 in the caller's 数据权限. */
export async function sopReceiptRows(
  caller: Caller,
  { planId, ...query }: SopDetailQuery & { planId: string },
  deps: Pick<AppContext, 'listSearch'>,
) {
  await visiblePlan(caller, planId);
  const { rows, total } = await searchSopTargetRows(
    deps.listSearch,
    caller.tenantId,
    planId,
    query,
    await caller.scope(),
  );
  const names = await staffNamesByUserid(
    caller.tenantId,
    rows.map((row) => row.assigneeUserid),
  );
  const items: SopReceiptRow[] = rows.map((row) => ({
    member: { id: row.memberId, name: row.memberName },
    received: row.received,
    staff: { userid: row.assigneeUserid, name: names.get(row.assigneeUserid) ?? row.assigneeUserid },
    sentAt: row.sentAt,
    receivedAt: row.receivedAt,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
