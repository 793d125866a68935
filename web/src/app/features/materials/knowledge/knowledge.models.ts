import type {
  KnowledgeCategoryNode,
  KnowledgeItem,
  KnowledgeKind,
  KnowledgeListQuery,
  KnowledgeTree,
  LinkInput,
  LinkPreview,
  PhraseInput,
  ScriptInput,
} from '@contracts/knowledge.contract';

/** 知识库 as the api serves it (lib/contracts/knowledge.contract.ts). */
export type {
  KnowledgeCategoryNode,
  KnowledgeItem,
  KnowledgeKind,
  KnowledgeTree,
  LinkInput,
  LinkPreview,
  PhraseInput,
  ScriptInput,
};
export type KnowledgeItemInput = ScriptInput | PhraseInput | LinkInput;
export type KnowledgeFilters = Pick<KnowledgeListQuery, 'categoryId' | 'keyword'>;

/** The contract's limits (R-4.1.1-*, I-69, I-72 … I-74), checked here first; the api checks them again. */
export const CATEGORY_DEPTH_MAX = 4;
export const CATEGORY_NAME_MAX = 30;
export const SCRIPT_QUESTION_MAX = 100;
export const SCRIPT_SIMILAR_MAX = 100;
export const SCRIPT_SIMILAR_COUNT_MAX = 10;
export const SCRIPT_ANSWER_MAX = 1000;
export const PHRASE_CONTENT_MAX = 300;
export const LINK_NAME_MAX = 30;
export const LINK_URL_MAX = 2048;
export const LINK_TITLE_MAX = 40;
export const LINK_DESCRIPTION_MAX = 170;

export const KIND_LABELS: Record<KnowledgeKind, string> = {
  scripts: '话术库',
  phrases: '常用语',
  links: '常用链接',
};
export const KINDS: readonly KnowledgeKind[] = ['scripts', 'phrases', 'links'];

/** The tree's root (R-4.1.1-01): not a category, its key only tells the tree component which node it is. */
export const ROOT_KEY = '__all__';
export const ROOT_NAME = '全部问题';

/** R-4.1.1-03: a name longer than 30 characters is cut with "..." (whole characters, not UTF-16 halves). */
export function cutName(name: string, max = CATEGORY_NAME_MAX): string {
  const chars = Array.from(name);
  return chars.length > max ? `${chars.slice(0, max).join('')}...` : name;
}

/** Where a category is: its parent (null: first level), its siblings and its level (1 = first level). */
export interface NodePlace {
  node: KnowledgeCategoryNode;
  parent: KnowledgeCategoryNode | null;
  siblings: KnowledgeCategoryNode[];
  level: number;
}

export function findPlace(
  categories: KnowledgeCategoryNode[],
  id: string,
  parent: KnowledgeCategoryNode | null = null,
  level = 1,
): NodePlace | null {
  for (const node of categories) {
    if (node.id === id) return { node, parent, siblings: categories, level };
    const inside = findPlace(node.children, id, node, level + 1);
    if (inside) return inside;
  }
  return null;
}

/** Levels a subtree takes, itself included (a leaf: 1). */
export function subtreeHeight(node: KnowledgeCategoryNode): number {
  return 1 + Math.max(0, ...node.children.map(subtreeHeight));
}

/** A category and every category below it. */
export function subtreeIds(node: KnowledgeCategoryNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

/** The "…" menu of a node (R-4.1.1-02/04, I-69): 未分类 has none; 添加子菜单 only above the 4th level. */
export interface NodeMenu {
  addChild: boolean;
  rename: boolean;
  remove: boolean;
}
export function nodeMenu(node: Pick<KnowledgeCategoryNode, 'fixed'>, level: number): NodeMenu {
  if (node.fixed) return { addChild: false, rename: false, remove: false };
  return { addChild: level < CATEGORY_DEPTH_MAX, rename: true, remove: true };
}

/** "<分类名> N条": the items of a category and its descendants (the root: of every category). */
export function itemCount(tree: KnowledgeTree, categoryId: string | null): number {
  const ids =
    categoryId === null
      ? tree.categories.flatMap(subtreeIds)
      : (() => {
          const place = findPlace(tree.categories, categoryId);
          return place ? subtreeIds(place.node) : [];
        })();
  return ids.reduce((sum, id) => sum + (tree.counts[id] ?? 0), 0);
}

/** PUT …/categories/:id/position's body (R-4.1.1-06). */
export interface CategoryMove {
  parentId: string | null;
  index: number;
}

/**
 * What a drop in the tree asks the server for, or why it cannot be: nz-tree's `pos` is -1 (before the target),
 * 0 (inside it) or 1 (after it); the target may be the root. `index` counts the new siblings without the dragged
 * category. 未分类 stays where it is and takes no children; a category cannot go below itself; the moved subtree
 * must fit within 4 levels.
 */
export function moveRequestOf(
  categories: KnowledgeCategoryNode[],
  dragId: string,
  targetId: string,
  pos: number,
): { move: CategoryMove } | { refused: string } {
  if (dragId === ROOT_KEY) return { refused: '全部问题不能移动' };
  const dragged = findPlace(categories, dragId);
  if (!dragged) return { refused: '分类不存在' };
  if (dragged.node.fixed) return { refused: '未分类不能移动' };
  let parent: KnowledgeCategoryNode | null;
  let parentLevel: number;
  let siblings: KnowledgeCategoryNode[];
  let index: number;
  if (targetId === ROOT_KEY) {
    if (pos !== 0) return { refused: '不能移到全部问题之外' };
    parent = null;
    parentLevel = 0;
    siblings = categories.filter((node) => node.id !== dragId);
    index = siblings.length;
  } else {
    const target = findPlace(categories, targetId);
    if (!target) return { refused: '分类不存在' };
    if (subtreeIds(dragged.node).includes(targetId)) return { refused: '不能移到自己的下级分类' };
    if (pos === 0) {
      if (target.node.fixed) return { refused: '未分类下不能添加子分类' };
      parent = target.node;
      parentLevel = target.level;
      siblings = target.node.children.filter((node) => node.id !== dragId);
      index = siblings.length;
    } else {
      parent = target.parent;
      parentLevel = target.level - 1;
      siblings = target.siblings.filter((node) => node.id !== dragId);
      index = siblings.indexOf(target.node) + (pos > 0 ? 1 : 0);
    }
  }
  if (parentLevel + subtreeHeight(dragged.node) > CATEGORY_DEPTH_MAX) {
    return { refused: `分类最多${CATEGORY_DEPTH_MAX}级` };
  }
  return { move: { parentId: parent?.id ?? null, index } };
}

/** The 分类 select of the item forms: every category, 未分类 included, as nz-tree-select nodes. */
export interface CategoryOption {
  key: string;
  title: string;
  children: CategoryOption[];
  isLeaf: boolean;
}
export function categoryOptions(categories: KnowledgeCategoryNode[]): CategoryOption[] {
  return categories.map((node) => ({
    key: node.id,
    title: node.name,
    children: categoryOptions(node.children),
    isLeaf: node.children.length === 0,
  }));
}

export function uncategorizedId(tree: KnowledgeTree): string | null {
  return tree.categories.find((node) => node.fixed)?.id ?? null;
}

/** The list's first column: the 问题名称, the 常用语 or the 链接名称. */
export function itemTitle(item: KnowledgeItem): string {
  switch (item.kind) {
    case 'scripts':
      return item.question;
    case 'phrases':
      return item.content;
    case 'links':
      return item.name;
  }
}

/** The list search's placeholder per tab (R-4.1.1-08, R-4.1.2-02, R-4.1.3-02). */
export const SEARCH_PLACEHOLDERS: Record<KnowledgeKind, string> = {
  scripts: '请输入问题名称',
  phrases: '请输入常用语内容',
  links: '请输入链接名称',
};

/** A URL the link preview may be asked about: the contract's http(s) rule. */
export function isHttpUrl(value: string): boolean {
  const url = value.trim();
  return url.length <= LINK_URL_MAX && /^https?:\/\/[^\s/]+/i.test(url) && URL.canParse(url);
}
