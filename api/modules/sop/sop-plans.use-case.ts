import { isDeepStrictEqual } from 'node:util';
import { Types } from 'mongoose';
import {
  SOP_ON_DELETE_REFUSED,
  SOP_ON_EDIT_REFUSED,
  type SopCalendar,
  type SopCalendarInput,
  type SopContent,
  type SopPlan,
  type SopPlanInput,
  type SopPlanListQuery,
  type SopPlanRow,
  type SopScope,
  type SopTask,
  type SopTaskInput,
} from '../../../lib/contracts/sop.contract';
import { SopPlanModel } from '../../../lib/models/sop-plan.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { writeListRows } from '../../../lib/search/list-read-model';
import { searchSopPlanRows, sopPlanReadModel, sopPlanRowOf } from '../../../lib/search/sop-plan-index';
import { countSopAudience } from '../../../lib/sop/sop-audience';
import { sopCalendar } from '../../../lib/sop/sop-calendar';
import { sopMedia } from '../../../lib/sop/sop-media-store';
import { writeSopPlanAndHandOff } from '../../../lib/sop/sop-plan-hand-off';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

type Deps = Pick<AppContext, 'listSearch' | 'temporal' | 'log'>;

const NOT_FOUND = () => notFound('SOP计划不存在或已删除', 'SOP_PLAN_NOT_FOUND');

interface StoredPlan {
  _id: Types.ObjectId;
  tenantId: string;
  name: string;
  scopeKind: SopScope['kind'];
  scope: SopScope;
  tasks: SopTask[];
  enabled: boolean;
  enabledAt: Date | null;
  creator: { staffId?: string | null; userid?: string | null; name?: string | null };
  createdAt: Date;
  updatedAt: Date;
}

/** The plan, if it is the tenant's, not deleted, and its creator is in the caller's 数据权限; 404 otherwise. */
export async function visiblePlan(caller: Caller, planId: string): Promise<StoredPlan> {
  const plan = await SopPlanModel.findOne({
    tenantId: caller.tenantId,
    _id: planId,
    deletedAt: null,
  }).lean<StoredPlan>();
  if (!plan) throw NOT_FOUND();
  const scope = await caller.scope();
  if (!scope.all && !scope.userids.includes(plan.creator.userid ?? '')) throw NOT_FOUND();
  return plan;
}

export function planView(plan: StoredPlan): SopPlan {
  return {
    ...sopPlanRowOf(plan),
    scope: plan.scope,
    tasks: plan.tasks,
    enabledAt: plan.enabledAt?.toISOString() ?? null,
  };
}

/** Writes a plan and its list row; `wait_for`: the list the operator returns to shows the change at once. */
function writePlanRow<T>(caller: Caller, planId: string, deps: Deps, write: () => Promise<T>): Promise<T> {
  return writeListRows(deps.listSearch, sopPlanReadModel, caller.tenantId, [planId], write, {
    refresh: 'wait_for',
  });
}

/** Writes a plan and its list row, and hands the change to the plan's workflow (lib/sop/sop-plan-hand-off.ts). */
function savePlan<T>(caller: Caller, planId: string, deps: Deps, write: () => Promise<T>): Promise<T> {
  return writeSopPlanAndHandOff(deps.temporal, deps.log, caller.tenantId, planId, () =>
    writePlanRow(caller, planId, deps, write),
  );
}

const newTaskId = () => new Types.ObjectId().toHexString();

/** What a member receives from a task and when: a change of any of it makes the task a new one (I-114/115). */
const deliveryOf = (task: SopTaskInput) => ({
  timing: task.timing,
  channel: task.channel,
  contents: task.contents,
});
const taskOf = (task: SopTaskInput) => ({ name: task.name, ...deliveryOf(task) });

/**
 * The tasks to save, with their ids (I-115). While the plan is on, 计划名称, 执行范围 and every saved task must
 * come back unchanged (refused otherwise) and only new tasks may be added. While it is off anything may change,
 * and a saved task keeps its id only while its timing, channel and contents are the same (a rename keeps it),
 * so that the engine applies a changed task to the members from now and drops the old one's unsent reminders.
 * An id the plan does not know, or one sent twice, names a new task.
 */
function tasksToSave(input: SopPlanInput, saved: StoredPlan | null): SopTask[] {
  const savedById = new Map((saved?.tasks ?? []).map((task) => [task.id, task]));
  const used = new Set<string>();
  const tasks = input.tasks.map((task) => {
    const before = task.id !== undefined && !used.has(task.id) ? savedById.get(task.id) : undefined;
    const keep = saved?.enabled
      ? before && isDeepStrictEqual(taskOf(task), taskOf(before))
      : before && isDeepStrictEqual(deliveryOf(task), deliveryOf(before));
    const id = keep && before ? before.id : newTaskId();
    used.add(id);
    return { ...taskOf(task), id };
  });
  if (saved?.enabled) {
    const unchanged =
      input.name === saved.name &&
      isDeepStrictEqual(input.scope, saved.scope) &&
      saved.tasks.every((task) => used.has(task.id));
    if (!unchanged) throw conflict(SOP_ON_EDIT_REFUSED, 'SOP_ON_EDIT_REFUSED');
  }
  return tasks;
}

const FILE_KINDS: Partial<Record<SopContent['kind'], string>> = {
  image: 'image/',
  news: 'image/',
  poster: 'image/',
  video: 'video/',
};

/** Contents name files by id: each must be the tenant's upload, of the kind the content says. */
async function assertOwnFiles(tenantId: string, tasks: SopTaskInput[]): Promise<void> {
  const wanted = tasks.flatMap((task) =>
    task.contents.flatMap((content) =>
      'fileId' in content ? [{ fileId: content.fileId, type: FILE_KINDS[content.kind] ?? '' }] : [],
    ),
  );
  if (wanted.length === 0) return;
  const found = new Map(
    (await sopMedia.find(tenantId, [...new Set(wanted.map((file) => file.fileId))])).map((file) => [
      file.fileId,
      file.contentType,
    ]),
  );
  if (wanted.some((file) => !found.get(file.fileId)?.startsWith(file.type)))
    throw badRequest('图片或视频不存在，请重新上传', 'SOP_MEDIA_NOT_FOUND');
}

/** SOP计划 list (R-8.2-01/02). */
export async function listSopPlans(caller: Caller, query: SopPlanListQuery, deps: Pick<Deps, 'listSearch'>) {
  const { rows, total } = await searchSopPlanRows(
    deps.listSearch,
    caller.tenantId,
    await caller.scope(),
    query,
  );
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

export async function sopPlanDetail(caller: Caller, { planId }: { planId: string }): Promise<SopPlan> {
  return planView(await visiblePlan(caller, planId));
}

/** 新建SOP计划: switched on at once (R-8.2-03), 生效时间 now. */
export async function createSopPlan(caller: Caller, input: SopPlanInput, deps: Deps): Promise<SopPlan> {
  await assertOwnFiles(caller.tenantId, input.tasks);
  const planId = new Types.ObjectId().toHexString();
  const creator = await StaffModel.findOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { name: 1 },
  ).lean();
  await savePlan(caller, planId, deps, () =>
    SopPlanModel.create({
      _id: planId,
      tenantId: caller.tenantId,
      name: input.name,
      scopeKind: input.scope.kind,
      scope: input.scope,
      tasks: tasksToSave(input, null),
      enabled: true,
      enabledAt: new Date(),
      creator: { staffId: caller.staffId, userid: caller.userid, name: creator?.name ?? '' },
    }),
  );
  const plan = planView(await visiblePlan(caller, planId));
  await recordAudit(caller, {
    action: 'sop-plan.create',
    target: { type: 'sop-plan', id: planId, name: plan.name },
    after: plan,
  });
  return plan;
}

/** 编辑SOP计划 (R-8.2-04, I-115). */
export async function updateSopPlan(
  caller: Caller,
  { planId, ...input }: SopPlanInput & { planId: string },
  deps: Deps,
): Promise<SopPlan> {
  const saved = await visiblePlan(caller, planId);
  const tasks = tasksToSave(input, saved);
  await assertOwnFiles(caller.tenantId, input.tasks);
  await savePlan(caller, planId, deps, () =>
    SopPlanModel.updateOne(
      { tenantId: caller.tenantId, _id: planId },
      { $set: { name: input.name, scopeKind: input.scope.kind, scope: input.scope, tasks } },
    ),
  );
  const after = planView(await visiblePlan(caller, planId));
  await recordAudit(caller, {
    action: 'sop-plan.update',
    target: { type: 'sop-plan', id: planId, name: after.name },
    before: planView(saved),
    after,
  });
  return after;
}

/** The switch (R-8.2-03, I-114): on sets 生效时间; off cancels what has not fired (the workflow's part). */
export async function switchSopPlan(
  caller: Caller,
  { planId, enabled }: { planId: string; enabled: boolean },
  deps: Deps,
): Promise<SopPlanRow> {
  const saved = await visiblePlan(caller, planId);
  // Handed over even when unchanged: a switch pressed again re-sends a hand-off that may have been lost.
  await savePlan(caller, planId, deps, async () => {
    if (saved.enabled === enabled) return;
    await SopPlanModel.updateOne(
      { tenantId: caller.tenantId, _id: planId },
      { $set: { enabled, enabledAt: enabled ? new Date() : null } },
    );
  });
  const row = sopPlanRowOf(await visiblePlan(caller, planId));
  await recordAudit(caller, {
    action: 'sop-plan.switch',
    target: { type: 'sop-plan', id: planId, name: saved.name },
    before: { enabled: saved.enabled },
    after: { enabled },
  });
  return row;
}

/** 删除 (R-8.2-05): only while off; the workflow, told, ends. To-dos already handed out stay. */
export async function deleteSopPlan(
  caller: Caller,
  { planId }: { planId: string },
  deps: Deps,
): Promise<void> {
  const plan = await visiblePlan(caller, planId);
  if (plan.enabled) throw conflict(SOP_ON_DELETE_REFUSED, 'SOP_ON_DELETE_REFUSED');
  await savePlan(caller, planId, deps, () =>
    SopPlanModel.updateOne({ tenantId: caller.tenantId, _id: planId }, { $set: { deletedAt: new Date() } }),
  );
  await recordAudit(caller, {
    action: 'sop-plan.delete',
    target: { type: 'sop-plan', id: planId, name: plan.name },
    before: planView(plan),
  });
}

/** 实时计算 (R-8.1-04): the audience now, in the caller's 数据权限. */
export async function countSopReach(
  caller: Caller,
  { scope }: { scope: SopScope },
  deps: Pick<Deps, 'listSearch'>,
): Promise<{ total: number }> {
  return { total: await countSopAudience(deps.listSearch, caller.tenantId, scope, await caller.scope()) };
}

/** The dry run of a saved plan: as if it were switched on now. */
export async function savedPlanCalendar(
  caller: Caller,
  { planId }: { planId: string },
  deps: Pick<Deps, 'listSearch'>,
): Promise<SopCalendar> {
  const plan = await visiblePlan(caller, planId);
  return sopCalendar(deps.listSearch, caller.tenantId, plan, await caller.scope(), Date.now());
}

/** The dry run of a plan being edited; a task not saved yet is named by its position. */
export async function draftPlanCalendar(
  caller: Caller,
  input: SopCalendarInput,
  deps: Pick<Deps, 'listSearch'>,
): Promise<SopCalendar> {
  const tasks = input.tasks.map((task, at) => ({ id: task.id ?? String(at + 1), timing: task.timing }));
  return sopCalendar(
    deps.listSearch,
    caller.tenantId,
    { scope: input.scope, tasks },
    await caller.scope(),
    Date.now(),
  );
}
