import { Department } from './org.models';

/**
 * The tree-editing rules the admin checks before asking the server (which checks them again):
 * R-7.1.1-07 (5 levels, the corp root not counted, I-96), R-7.1.1-08 (confirm moving a department with
 * children) and R-7.1.1-10 (department names).
 */
export const MAX_DEPARTMENT_LEVELS = 5;
export const MOVE_WITH_CHILDREN_CONFIRM = '移动顺序后，该部门下所有子部门都将移入，是否确定移动顺序？';
export const DELETE_NOT_EMPTY_MESSAGE = '该部门下还有数据存在，请先清除数据再删除';
const FORBIDDEN_NAME_CHARACTERS = /[\\:*?"<>|｜]/;

export interface MoveTarget {
  parentId: number;
  /** 0-based place among the new parent's children. */
  index: number;
}

const childrenOf = (departments: readonly Department[], parentId: number, except?: number) =>
  departments
    .filter((d) => d.parentId === parentId && d.id !== parentId && d.id !== except)
    .sort((a, b) => b.order - a.order || a.id - b.id);

export function hasChildren(departments: readonly Department[], id: number): boolean {
  return departments.some((d) => d.parentId === id && d.id !== id);
}

/** The root's children are level 1; the root itself is level 0. */
export function levelOf(departments: readonly Department[], id: number): number {
  const byId = new Map(departments.map((d) => [d.id, d]));
  let level = 0;
  for (let d = byId.get(id); d && d.parentId !== 0 && level <= departments.length; d = byId.get(d.parentId)) {
    level += 1;
  }
  return level;
}

export function heightOf(departments: readonly Department[], id: number): number {
  return 1 + Math.max(0, ...childrenOf(departments, id).map((child) => heightOf(departments, child.id)));
}

/**
 * Where a drop on the tree puts the dragged department: nz-tree's `pos` is -1 (before the target), 0 (into
 * it, as its last child) or 1 (after it). Null when the drop makes no sense (beside the corp root).
 */
export function moveTargetOf(
  departments: readonly Department[],
  dragId: number,
  targetId: number,
  pos: number,
): MoveTarget | null {
  const target = departments.find((d) => d.id === targetId);
  if (!target) return null;
  if (pos === 0) return { parentId: targetId, index: childrenOf(departments, targetId, dragId).length };
  if (target.parentId === 0) return null;
  const siblings = childrenOf(departments, target.parentId, dragId);
  const at = siblings.findIndex((d) => d.id === targetId);
  return { parentId: target.parentId, index: pos < 0 ? at : at + 1 };
}

/** Why the department (with everything below it) cannot go there; null when it can. */
export function moveProblem(
  departments: readonly Department[],
  dragId: number,
  target: MoveTarget,
): string | null {
  const byId = new Map(departments.map((d) => [d.id, d]));
  for (let d = byId.get(target.parentId), steps = 0; d && steps <= departments.length; steps += 1) {
    if (d.id === dragId) return '不能移动到该部门自身或其下级部门下';
    if (d.parentId === 0) break;
    d = byId.get(d.parentId);
  }
  if (levelOf(departments, target.parentId) + heightOf(departments, dragId) > MAX_DEPARTMENT_LEVELS) {
    return `部门最多${MAX_DEPARTMENT_LEVELS}级`;
  }
  return null;
}

/** Why a new sub-department cannot go under `parentId`; null when it can. */
export function addChildProblem(departments: readonly Department[], parentId: number): string | null {
  return levelOf(departments, parentId) + 1 > MAX_DEPARTMENT_LEVELS
    ? `部门最多${MAX_DEPARTMENT_LEVELS}级`
    : null;
}

/** R-7.1.1-10: 1–32 characters without \ : ? " < > |. */
export function departmentNameError(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return '请输入部门名称';
  if ([...trimmed].length > 32) return '部门名称不能超过32个字符';
  if (FORBIDDEN_NAME_CHARACTERS.test(trimmed)) return '部门名称不能包含 \\ : ? " < > | 等字符';
  return null;
}
