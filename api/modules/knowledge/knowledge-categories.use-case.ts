import { randomUUID } from 'node:crypto';
import {
  CATEGORY_NOT_EMPTY_MESSAGE,
  KNOWLEDGE_KINDS,
  type KnowledgeCategoryNode,
  type KnowledgeKind,
  type KnowledgeTree,
} from '../../../lib/contracts/knowledge.contract';
import type { AuditAction } from '../../../lib/models/audit-log.model';
import {
  CategoryTreeError,
  allCategoryIds,
  findCategory,
  insertCategory,
  moveCategory,
  removeCategory,
  renameCategory,
} from '../../../lib/knowledge/category-tree';
import { KnowledgeItemModel } from '../../../lib/models/knowledge-item.model';
import {
  CategoryTreeBusyError,
  changeTree as changeStoredTree,
  readCategoryTree,
} from '../../../lib/knowledge/category-tree-store';
import { rehomeOrphans } from '../../../lib/knowledge/rehome-orphans';
import { knowledgeCountsByCategory } from '../../../lib/search/knowledge-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

type Deps = Pick<AppContext, 'listSearch'>;

/** A refused tree change as the api answers it: unknown category 404, not empty 409, any other rule 400. */
function treeErrorToAppError(error: unknown): unknown {
  if (!(error instanceof CategoryTreeError)) return error;
  if (error.problem === 'not-found') return notFound(error.message, 'KNOWLEDGE_CATEGORY_NOT_FOUND');
  if (error.problem === 'not-empty') return conflict(error.message, 'KNOWLEDGE_CATEGORY_NOT_EMPTY');
  return badRequest(error.message, 'KNOWLEDGE_CATEGORY_INVALID');
}

/** A tree change as the api makes it: the store's refusals answered as the api's errors. */
async function changeTree(
  tenantId: string,
  kind: KnowledgeKind,
  change: (nodes: KnowledgeCategoryNode[]) => KnowledgeCategoryNode[],
) {
  try {
    return await changeStoredTree(tenantId, kind, change);
  } catch (error) {
    if (error instanceof CategoryTreeBusyError)
      throw unavailable('分类正在被他人修改，请稍后重试', 'KNOWLEDGE_TREE_BUSY');
    throw treeErrorToAppError(error);
  }
}

/** The tree and, per category, the items directly in it. */
export async function knowledgeTree(caller: Caller, kind: KnowledgeKind, deps: Deps): Promise<KnowledgeTree> {
  const { nodes } = await readCategoryTree(caller.tenantId, kind);
  const ids = allCategoryIds(nodes);
  const counted = await knowledgeCountsByCategory(deps.listSearch, caller.tenantId, kind, ids.length);
  const counts = Object.fromEntries(ids.map((id) => [id, counted[id] ?? 0]));
  return { kind, categories: nodes, counts };
}

/** Every kind's tree, for the side panel. */
export function knowledgeTrees(caller: Caller, deps: Deps): Promise<KnowledgeTree[]> {
  return Promise.all(KNOWLEDGE_KINDS.map((kind) => knowledgeTree(caller, kind, deps)));
}

function auditCategory(
  caller: Caller,
  action: AuditAction,
  kind: KnowledgeKind,
  category: { id: string; name: string },
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(caller, {
    action,
    target: { type: `knowledge-category:${kind}`, id: category.id, name: category.name },
    ...change,
  });
}

/** Where a category sits, for the audit rows. */
function placeOf(nodes: KnowledgeCategoryNode[], id: string) {
  const found = findCategory(nodes, id);
  if (!found) return undefined;
  const parent = found.path.at(-2) ?? null;
  const siblings = parent ? parent.children : nodes;
  return { name: found.node.name, parentId: parent?.id ?? null, index: siblings.indexOf(found.node) };
}

export async function createCategory(
  caller: Caller,
  { kind, name, parentId }: { kind: KnowledgeKind; name: string; parentId: string | null },
): Promise<KnowledgeCategoryNode> {
  const id = randomUUID();
  const { after } = await changeTree(caller.tenantId, kind, (nodes) =>
    insertCategory(nodes, { id, name, parentId }),
  );
  const created = findCategory(after, id)!.node;
  await auditCategory(caller, 'knowledge-category.create', kind, created, { after: placeOf(after, id) });
  return created;
}

export async function renameKnowledgeCategory(
  caller: Caller,
  { kind, categoryId, name }: { kind: KnowledgeKind; categoryId: string; name: string },
): Promise<KnowledgeCategoryNode> {
  const { before, after } = await changeTree(caller.tenantId, kind, (nodes) =>
    renameCategory(nodes, categoryId, name),
  );
  const renamed = findCategory(after, categoryId)!.node;
  await auditCategory(caller, 'knowledge-category.rename', kind, renamed, {
    before: placeOf(before, categoryId),
    after: placeOf(after, categoryId),
  });
  return renamed;
}

export async function moveKnowledgeCategory(
  caller: Caller,
  input: { kind: KnowledgeKind; categoryId: string; parentId: string | null; index: number },
): Promise<KnowledgeTree['categories']> {
  const { kind, categoryId } = input;
  const { before, after } = await changeTree(caller.tenantId, kind, (nodes) =>
    moveCategory(nodes, categoryId, { parentId: input.parentId, index: input.index }),
  );
  const moved = findCategory(after, categoryId)!.node;
  await auditCategory(caller, 'knowledge-category.move', kind, moved, {
    before: placeOf(before, categoryId),
    after: placeOf(after, categoryId),
  });
  return after;
}

/**
 * 删除 (R-4.1.1-05): refused while the category has sub-categories or items. An item saved into it at the same
 * moment is moved to 未分类 afterwards (its writer checks again after its write, and so does this).
 */
export async function deleteKnowledgeCategory(
  caller: Caller,
  { kind, categoryId }: { kind: KnowledgeKind; categoryId: string },
  deps: Deps,
): Promise<void> {
  const { tenantId } = caller;
  if (await KnowledgeItemModel.exists({ tenantId, categoryId })) {
    throw conflict(CATEGORY_NOT_EMPTY_MESSAGE, 'KNOWLEDGE_CATEGORY_NOT_EMPTY');
  }
  const { before } = await changeTree(tenantId, kind, (nodes) => removeCategory(nodes, categoryId));
  await rehomeOrphans(tenantId, categoryId, deps);
  const place = placeOf(before, categoryId);
  await auditCategory(
    caller,
    'knowledge-category.delete',
    kind,
    { id: categoryId, name: place?.name ?? '' },
    { before: place },
  );
}
