import type { DepartmentCreate, DepartmentMove } from '../../../lib/contracts/org-edit.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { StaffModel } from '../../../lib/models/staff.model';
import {
  DEPARTMENT_NAME_TAKEN_MESSAGE,
  nameTakenUnder,
  ordersForPosition,
  placementProblem,
  type TreeNode,
} from '../../../lib/org/department-rules';
import { DEPARTMENT_NOT_EMPTY_MESSAGE } from '../../../lib/org/wecom-write-messages';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { enqueueOrgChanges, type NewOrgChange, type WriteBackDeps } from './enqueue-org-change';
import { assertOrgEditable } from './org-editability';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

/** Departments as the tree shows them: one whose deletion is on its way to WeCom is already gone. */
const VISIBLE = { $nor: [{ 'writeBack.status': 'pending', 'writeBack.op': 'delete' }] };

async function loadTree(tenantId: string): Promise<TreeNode[]> {
  return DepartmentModel.find({ tenantId, ...VISIBLE }, { deptId: 1, parentId: 1, order: 1, name: 1 }).lean();
}

function requireNode(nodes: TreeNode[], deptId: number, message = '部门不存在'): TreeNode {
  const node = nodes.find((candidate) => candidate.deptId === deptId);
  if (!node) throw notFound(message, 'DEPARTMENT_NOT_FOUND');
  return node;
}

export async function departmentView(tenantId: string, deptId: number) {
  const department = await DepartmentModel.findOne({ tenantId, deptId }).lean();
  if (!department) throw notFound('部门不存在', 'DEPARTMENT_NOT_FOUND');
  return {
    id: department.deptId,
    name: department.name,
    parentId: department.parentId,
    order: department.order,
    writeBack: department.writeBack
      ? {
          status: department.writeBack.status,
          op: department.writeBack.op,
          message: department.writeBack.message ?? undefined,
        }
      : undefined,
  };
}

/**
 * The new department's id is chosen here (the next free one) and sent to WeCom as `id`: children and members
 * can then refer to it at once, before WeCom has it. WeCom assigns its own ids the same way, so a clash is rare
 * (a department created in WeCom's console in the meantime) and ends as a failed write-back, never a mix-up.
 */
export async function createDepartment(caller: Caller, input: DepartmentCreate, deps: WriteBackDeps) {
  const { tenantId } = caller;
  await assertOrgEditable(tenantId);
  const nodes = await loadTree(tenantId);
  requireNode(nodes, input.parentId, '上级部门不存在');
  const problem = placementProblem(nodes, undefined, input.parentId);
  if (problem) throw badRequest(problem, 'DEPARTMENT_TOO_DEEP');
  if (nameTakenUnder(nodes, input.parentId, input.name))
    throw conflict(DEPARTMENT_NAME_TAKEN_MESSAGE, 'DEPARTMENT_NAME_TAKEN');

  const highest = await DepartmentModel.findOne({ tenantId }, { deptId: 1 }).sort({ deptId: -1 }).lean();
  let deptId = Math.max(1, highest?.deptId ?? 1) + 1;
  for (;;) {
    try {
      await DepartmentModel.create({
        tenantId,
        deptId,
        name: input.name,
        parentId: input.parentId,
        order: 0,
      });
      break;
    } catch (error) {
      // Someone took that id a moment ago.
      if (!isDuplicateKeyError(error)) throw error;
      deptId += 1;
    }
  }
  await enqueueOrgChanges(deps, caller, [
    {
      kind: 'department',
      op: 'create',
      targetId: String(deptId),
      targetName: input.name,
      request: { id: deptId, name: input.name, parentid: input.parentId, order: 0 },
      fields: ['name', 'parentId', 'order'],
    },
  ]);
  const created = await departmentView(tenantId, deptId);
  await recordAudit(caller, {
    action: 'department.create',
    target: { type: 'department', id: String(deptId), name: input.name },
    after: { name: input.name, parentId: input.parentId },
  });
  return created;
}

export async function renameDepartment(
  caller: Caller,
  { deptId, name }: { deptId: number; name: string },
  deps: WriteBackDeps,
) {
  const { tenantId } = caller;
  await assertOrgEditable(tenantId);
  const nodes = await loadTree(tenantId);
  const node = requireNode(nodes, deptId);
  // The tree shows the root as the corp's name, which belongs to WeCom's 企业信息, not to the tree.
  if (node.parentId === 0) throw badRequest('根部门即企业名称，请在企业微信后台修改', 'ROOT_DEPARTMENT');
  if (node.name !== name) {
    if (nameTakenUnder(nodes, node.parentId, name, deptId)) {
      throw conflict(DEPARTMENT_NAME_TAKEN_MESSAGE, 'DEPARTMENT_NAME_TAKEN');
    }
    await DepartmentModel.updateOne({ tenantId, deptId }, { $set: { name } });
    await enqueueOrgChanges(deps, caller, [
      {
        kind: 'department',
        op: 'update',
        targetId: String(deptId),
        targetName: name,
        request: { id: deptId, name },
        fields: ['name'],
        before: { name: node.name },
      },
    ]);
    await recordAudit(caller, {
      action: 'department.rename',
      target: { type: 'department', id: String(deptId), name },
      before: { name: node.name },
      after: { name },
    });
  }
  return departmentView(tenantId, deptId);
}

/**
 * Drag and drop (R-7.1.1-06/07): to another place among the same siblings (WeCom's `order`), or under another
 * department with everything below it, within 5 levels (I-96) and never under itself.
 */
export async function moveDepartment(
  caller: Caller,
  { deptId, ...input }: DepartmentMove & { deptId: number },
  deps: WriteBackDeps,
) {
  const { tenantId } = caller;
  await assertOrgEditable(tenantId);
  const nodes = await loadTree(tenantId);
  const node = requireNode(nodes, deptId);
  if (node.parentId === 0) throw badRequest('不能移动根部门', 'ROOT_DEPARTMENT');
  requireNode(nodes, input.parentId, '上级部门不存在');
  const reparent = input.parentId !== node.parentId;
  if (reparent) {
    const problem = placementProblem(nodes, deptId, input.parentId);
    if (problem) throw badRequest(problem, 'DEPARTMENT_MOVE_REFUSED');
    if (nameTakenUnder(nodes, input.parentId, node.name, deptId)) {
      throw conflict(DEPARTMENT_NAME_TAKEN_MESSAGE, 'DEPARTMENT_NAME_TAKEN');
    }
  }
  const orders = ordersForPosition(nodes, deptId, input.parentId, input.index);
  const ownOrder = orders.find((entry) => entry.deptId === deptId)?.order;
  const changes: NewOrgChange[] = [];
  if (reparent || ownOrder !== undefined) {
    const set = {
      ...(reparent ? { parentId: input.parentId } : {}),
      ...(ownOrder !== undefined ? { order: ownOrder } : {}),
    };
    await DepartmentModel.updateOne({ tenantId, deptId }, { $set: set });
    changes.push({
      kind: 'department',
      op: 'update',
      targetId: String(deptId),
      targetName: node.name,
      request: {
        id: deptId,
        ...(reparent ? { parentid: input.parentId } : {}),
        ...(ownOrder !== undefined ? { order: ownOrder } : {}),
      },
      fields: Object.keys(set),
      before: { parentId: node.parentId, order: node.order },
    });
  }
  for (const sibling of orders.filter((entry) => entry.deptId !== deptId)) {
    const siblingNode = requireNode(nodes, sibling.deptId);
    await DepartmentModel.updateOne({ tenantId, deptId: sibling.deptId }, { $set: { order: sibling.order } });
    changes.push({
      kind: 'department',
      op: 'update',
      targetId: String(sibling.deptId),
      targetName: siblingNode.name,
      request: { id: sibling.deptId, order: sibling.order },
      fields: ['order'],
      before: { order: siblingNode.order },
    });
  }
  await enqueueOrgChanges(deps, caller, changes);
  if (changes.length > 0) {
    await recordAudit(caller, {
      action: 'department.move',
      target: { type: 'department', id: String(deptId), name: node.name },
      before: { parentId: node.parentId, order: node.order },
      after: { parentId: input.parentId, order: ownOrder ?? node.order, index: input.index },
    });
  }
  return departmentView(tenantId, deptId);
}

/** R-7.1.1-09 / I-97: only an empty department (no sub-departments, no members) can be deleted. */
export async function deleteDepartment(
  caller: Caller,
  { deptId }: { deptId: number },
  deps: WriteBackDeps,
): Promise<void> {
  const { tenantId } = caller;
  await assertOrgEditable(tenantId);
  const nodes = await loadTree(tenantId);
  const node = requireNode(nodes, deptId);
  if (node.parentId === 0) throw badRequest('不能删除根部门', 'ROOT_DEPARTMENT');
  const hasChildren = nodes.some((candidate) => candidate.parentId === deptId);
  const hasMembers = await StaffModel.exists({
    tenantId,
    departmentIds: deptId,
    deletedAt: { $exists: false },
  });
  if (hasChildren || hasMembers) throw conflict(DEPARTMENT_NOT_EMPTY_MESSAGE, 'DEPARTMENT_NOT_EMPTY');

  await enqueueOrgChanges(deps, caller, [
    {
      kind: 'department',
      op: 'delete',
      targetId: String(deptId),
      targetName: node.name,
      request: { id: deptId },
      fields: [],
    },
  ]);
  await recordAudit(caller, {
    action: 'department.delete',
    target: { type: 'department', id: String(deptId), name: node.name },
    before: { name: node.name, parentId: node.parentId, order: node.order },
  });
}
