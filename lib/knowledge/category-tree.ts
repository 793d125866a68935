import {
  CATEGORY_DEPTH_MAX,
  CATEGORY_NOT_EMPTY_MESSAGE,
  UNCATEGORIZED_NAME,
  type KnowledgeCategoryNode,
} from '../contracts/knowledge.contract';

/**
 * The pure operations on a 知识库 category tree (R-4.1.1-01…06, I-69): each answers a new tree, or throws a
 * CategoryTreeError saying why the change is refused. The api applies them to the tree it read and writes the
 * result back only if nobody changed the tree meanwhile (compare-and-set), so each rule is checked against the
 * tree the change lands on.
 */

/** 未分类's id in every tree: items without a category point at it. */
export const UNCATEGORIZED_ID = 'uncategorized';

export type CategoryTreeProblem = 'not-found' | 'invalid' | 'not-empty';

export class CategoryTreeError extends Error {
  constructor(
    readonly problem: CategoryTreeProblem,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND = () => new CategoryTreeError('not-found', '分类不存在或已删除');

/** A new tree: just 未分类 (the root 全部问题 is the tree itself). */
export function newCategoryTree(): KnowledgeCategoryNode[] {
  return [{ id: UNCATEGORIZED_ID, name: UNCATEGORIZED_NAME, fixed: true, children: [] }];
}

interface Located {
  node: KnowledgeCategoryNode;
  /** The nodes from the first level down to the node itself. */
  path: KnowledgeCategoryNode[];
}

export function findCategory(nodes: readonly KnowledgeCategoryNode[], id: string): Located | null {
  for (const node of nodes) {
    if (node.id === id) return { node, path: [node] };
    const below = findCategory(node.children, id);
    if (below) return { node: below.node, path: [node, ...below.path] };
  }
  return null;
}

/** The category and every category below it. */
export function subtreeIds(node: KnowledgeCategoryNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

export function allCategoryIds(nodes: readonly KnowledgeCategoryNode[]): string[] {
  return nodes.flatMap(subtreeIds);
}

/** Levels in the subtree, the node itself counted (a leaf is 1). */
function height(node: KnowledgeCategoryNode): number {
  return 1 + Math.max(0, ...node.children.map(height));
}

const clone = (nodes: readonly KnowledgeCategoryNode[]): KnowledgeCategoryNode[] =>
  structuredClone([...nodes]);

/** The sibling list `parentId` names (null: the first level), in `nodes` (a clone the caller may change). */
function siblingsUnder(nodes: KnowledgeCategoryNode[], parentId: string | null): KnowledgeCategoryNode[] {
  if (parentId === null) return nodes;
  const parent = findCategory(nodes, parentId);
  if (!parent) throw new CategoryTreeError('not-found', '上级分类不存在或已删除');
  return parent.node.children;
}

/** The level a child of `parentId` would be on (first level: 1). */
function childLevel(nodes: readonly KnowledgeCategoryNode[], parentId: string | null): number {
  if (parentId === null) return 1;
  const parent = findCategory(nodes, parentId);
  if (!parent) throw new CategoryTreeError('not-found', '上级分类不存在或已删除');
  return parent.path.length + 1;
}

/** I-69: 未分类 has no children. */
function assertParentAcceptsChildren(parentId: string | null) {
  if (parentId === UNCATEGORIZED_ID) {
    throw new CategoryTreeError('invalid', `“${UNCATEGORIZED_NAME}”下不能添加子分类`);
  }
}

/** Names are unique among siblings, so the tree and the 分类 select never show two the same. */
function assertNameFree(siblings: readonly KnowledgeCategoryNode[], name: string, exceptId?: string) {
  if (siblings.some((sibling) => sibling.name === name && sibling.id !== exceptId)) {
    throw new CategoryTreeError('invalid', `同一级下已有名为“${name}”的分类`);
  }
}

const DEPTH_MESSAGE = `分类最多${CATEGORY_DEPTH_MAX}级`;

/** 添加子菜单 (or "+" at the root): appended last among its siblings. */
export function insertCategory(
  nodes: readonly KnowledgeCategoryNode[],
  input: { id: string; name: string; parentId: string | null },
): KnowledgeCategoryNode[] {
  const next = clone(nodes);
  assertParentAcceptsChildren(input.parentId);
  if (childLevel(next, input.parentId) > CATEGORY_DEPTH_MAX)
    throw new CategoryTreeError('invalid', DEPTH_MESSAGE);
  const siblings = siblingsUnder(next, input.parentId);
  assertNameFree(siblings, input.name);
  siblings.push({ id: input.id, name: input.name, fixed: false, children: [] });
  return next;
}

/** 修改名称: never 未分类. */
export function renameCategory(
  nodes: readonly KnowledgeCategoryNode[],
  id: string,
  name: string,
): KnowledgeCategoryNode[] {
  const next = clone(nodes);
  const found = findCategory(next, id);
  if (!found) throw NOT_FOUND();
  if (found.node.fixed) throw new CategoryTreeError('invalid', `“${UNCATEGORIZED_NAME}”不能修改名称`);
  const parent = found.path.at(-2);
  assertNameFree(parent ? parent.children : next, name, id);
  found.node.name = name;
  return next;
}

/**
 * Drag (R-4.1.1-06): the category, with everything below it, to `index` among the children of `parentId`
 * (null: the first level), counted without the category itself. Never under itself or its descendants, never
 * under 未分类, and the whole subtree stays within the 4 levels.
 */
export function moveCategory(
  nodes: readonly KnowledgeCategoryNode[],
  id: string,
  target: { parentId: string | null; index: number },
): KnowledgeCategoryNode[] {
  const next = clone(nodes);
  const found = findCategory(next, id);
  if (!found) throw NOT_FOUND();
  if (found.node.fixed) throw new CategoryTreeError('invalid', `“${UNCATEGORIZED_NAME}”不能移动`);
  if (target.parentId !== null && subtreeIds(found.node).includes(target.parentId)) {
    throw new CategoryTreeError('invalid', '不能移动到自身或其下级分类下');
  }
  assertParentAcceptsChildren(target.parentId);
  if (childLevel(next, target.parentId) + height(found.node) - 1 > CATEGORY_DEPTH_MAX) {
    throw new CategoryTreeError('invalid', DEPTH_MESSAGE);
  }
  const parent = found.path.at(-2);
  const from = parent ? parent.children : next;
  from.splice(from.indexOf(found.node), 1);
  const to = siblingsUnder(next, target.parentId);
  assertNameFree(to, found.node.name, id);
  to.splice(Math.min(target.index, to.length), 0, found.node);
  return next;
}

/** 删除: only a category without sub-categories (its items are the caller's to check); never 未分类. */
export function removeCategory(nodes: readonly KnowledgeCategoryNode[], id: string): KnowledgeCategoryNode[] {
  const next = clone(nodes);
  const found = findCategory(next, id);
  if (!found) throw NOT_FOUND();
  if (found.node.fixed) throw new CategoryTreeError('invalid', `“${UNCATEGORIZED_NAME}”不能删除`);
  if (found.node.children.length > 0) throw new CategoryTreeError('not-empty', CATEGORY_NOT_EMPTY_MESSAGE);
  const parent = found.path.at(-2);
  const from = parent ? parent.children : next;
  from.splice(from.indexOf(found.node), 1);
  return next;
}

/** The deepest level in the tree (first level: 1; an empty tree: 0). */
export function treeDepth(nodes: readonly KnowledgeCategoryNode[]): number {
  return Math.max(0, ...nodes.map(height));
}
