/**
 * The rules of editing the department tree (R-7.1.1-07..10, I-96), as pure functions over the tenant's
 * departments, shared by the api and the admin's drag-and-drop checks.
 */
export interface TreeNode {
  deptId: number;
  parentId: number;
  order: number;
  name: string;
}

/** At most 5 levels below the corp root; the root itself is not counted (I-96). */
export const MAX_DEPARTMENT_LEVELS = 5;
const MAX_ORDER = 0xffffffff;
const ORDER_STEP = 1000;

export const DEPARTMENT_LEVEL_MESSAGE = `部门最多${MAX_DEPARTMENT_LEVELS}级`;
export const DEPARTMENT_CYCLE_MESSAGE = '不能移动到该部门自身或其下级部门下';
export const DEPARTMENT_NAME_TAKEN_MESSAGE = '同一上级部门下已有同名部门';

/** The root's children are level 1; the root (parentId 0) is level 0. */
export function levelOf(nodes: readonly TreeNode[], deptId: number): number {
  const byId = new Map(nodes.map((node) => [node.deptId, node]));
  let level = 0;
  for (let node = byId.get(deptId); node && node.parentId !== 0; node = byId.get(node.parentId)) {
    level += 1;
    if (level > nodes.length) break;
  }
  return level;
}

/** Levels a subtree spans: 1 for a leaf. */
export function heightOf(nodes: readonly TreeNode[], deptId: number): number {
  const children = nodes.filter((node) => node.parentId === deptId && node.deptId !== deptId);
  return 1 + Math.max(0, ...children.map((child) => heightOf(nodes, child.deptId)));
}

export function isSelfOrBelow(nodes: readonly TreeNode[], candidateId: number, ancestorId: number): boolean {
  const byId = new Map(nodes.map((node) => [node.deptId, node]));
  for (let node = byId.get(candidateId), steps = 0; node; node = byId.get(node.parentId), steps += 1) {
    if (node.deptId === ancestorId) return true;
    if (node.parentId === 0 || steps > nodes.length) return false;
  }
  return false;
}

/** Why a department (with its whole subtree) cannot go under `parentId`; undefined when it can. */
export function placementProblem(
  nodes: readonly TreeNode[],
  movingId: number | undefined,
  parentId: number,
): string | undefined {
  if (movingId !== undefined && isSelfOrBelow(nodes, parentId, movingId)) return DEPARTMENT_CYCLE_MESSAGE;
  const height = movingId === undefined ? 1 : heightOf(nodes, movingId);
  if (levelOf(nodes, parentId) + height > MAX_DEPARTMENT_LEVELS) return DEPARTMENT_LEVEL_MESSAGE;
  return undefined;
}

/** Siblings in WeCom's display order: larger `order` first, then smaller id. */
export function childrenInOrder(nodes: readonly TreeNode[], parentId: number): TreeNode[] {
  return nodes
    .filter((node) => node.parentId === parentId && node.deptId !== parentId)
    .sort((a, b) => b.order - a.order || a.deptId - b.deptId);
}

export function nameTakenUnder(
  nodes: readonly TreeNode[],
  parentId: number,
  name: string,
  exceptId?: number,
): boolean {
  return nodes.some((node) => node.parentId === parentId && node.name === name && node.deptId !== exceptId);
}

/**
 * The `order` values that put `movingId` at `index` among the children of `parentId`. WeCom sorts siblings
 * by order, larger first, so one value between the neighbours' is enough when there is room; otherwise the
 * siblings are renumbered in steps of 1000. Returns only the departments whose order changes.
 */
export function ordersForPosition(
  nodes: readonly TreeNode[],
  movingId: number,
  parentId: number,
  index: number,
): Array<{ deptId: number; order: number }> {
  const siblings = childrenInOrder(nodes, parentId).filter((node) => node.deptId !== movingId);
  const at = Math.max(0, Math.min(index, siblings.length));
  const above = siblings[at - 1];
  const below = siblings[at];
  const moving = nodes.find((node) => node.deptId === movingId);
  const current = moving?.order ?? 0;

  const fits = (order: number) => (!above || order < above.order) && (!below || order > below.order);
  if (moving?.parentId === parentId && fits(current)) return [];

  let order: number | undefined;
  if (!above && !below) order = current;
  else if (!above) order = below.order + ORDER_STEP <= MAX_ORDER ? below.order + ORDER_STEP : undefined;
  else if (!below) order = above.order >= ORDER_STEP ? above.order - ORDER_STEP : Math.floor(above.order / 2);
  else order = below.order + Math.floor((above.order - below.order) / 2);
  if (order !== undefined && fits(order)) return [{ deptId: movingId, order }];

  const ordered = [...siblings.slice(0, at), { deptId: movingId }, ...siblings.slice(at)];
  return ordered
    .map((node, i) => ({ deptId: node.deptId, order: (ordered.length - i) * ORDER_STEP }))
    .filter(
      ({ deptId, order: next }) =>
        nodes.find((node) => node.deptId === deptId)?.order !== next || deptId === movingId,
    );
}

/** R-7.1.1-10: 1–32 characters, none of \ : ? " < > | (WeCom also refuses * and the full-width ｜). */
export const DEPARTMENT_NAME_FORBIDDEN = /[\\:*?"<>|｜]/;
export const DEPARTMENT_NAME_MAX = 32;
