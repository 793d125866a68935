import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
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
  UNCATEGORIZED_ID,
  allCategoryIds,
  findCategory,
  insertCategory,
  moveCategory,
  newCategoryTree,
  removeCategory,
  renameCategory,
} from '../../../lib/knowledge/category-tree';
import { KnowledgeItemModel } from '../../../lib/models/knowledge-item.model';
import { KnowledgeTreeModel } from '../../../lib/models/knowledge-tree.model';
import { knowledgeCountsByCategory, knowledgeReadModel } from '../../../lib/search/knowledge-index';
import { writeListRows } from '../../../lib/search/list-read-model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

type Deps = Pick<AppContext, 'listSearch'>;

const treeId = (tenantId: string, kind: KnowledgeKind) => `${tenantId}|${kind}`;

export function treeErrorToAppError(error: unknown): unknown {
  if (!(error instanceof CategoryTreeError)) return error;
  if (error.problem === 'not-found') return notFound(error.message, 'KNOWLEDGE_CATEGORY_NOT_FOUND');
  if (error.problem === 'not-empty') return conflict(error.message, 'KNOWLEDGE_CATEGORY_NOT_EMPTY');
  return badRequest(error.message, 'KNOWLEDGE_CATEGORY_INVALID');
}

interface StoredTree {
  nodes: KnowledgeCategoryNode[];
  version: number;
}

/** The kind's tree, created with 未分类 on first use (a second creator's insert fails and reads the first's). */
export async function readCategoryTree(tenantId: string, kind: KnowledgeKind): Promise<StoredTree> {
  const _id = treeId(tenantId, kind);
  const found = await KnowledgeTreeModel.findOne({ tenantId, _id }, { nodes: 1, version: 1 }).lean();
  if (found) return { nodes: found.nodes as KnowledgeCategoryNode[], version: found.version };
  try {
    await KnowledgeTreeModel.create({ _id, tenantId, kind, nodes: newCategoryTree(), version: 0 });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const created = await KnowledgeTreeModel.findOne({ tenantId, _id }, { nodes: 1, version: 1 }).lean();
  if (!created) throw new Error(`knowledge tree ${_id} missing right after its creation`);
  return { nodes: created.nodes as KnowledgeCategoryNode[], version: created.version };
}

/** Lost races before giving up: each retry re-reads the tree, so only a storm of edits exhausts them. */
const CAS_ATTEMPTS = 30;

/**
 * Applies a pure change to the tree as it is now and writes it only if nobody wrote meanwhile (same
 * `version`); on a lost race, reads again and re-applies, so the change is checked against the tree it lands on.
 */
async function changeTree(
  tenantId: string,
  kind: KnowledgeKind,
  change: (nodes: KnowledgeCategoryNode[]) => KnowledgeCategoryNode[],
): Promise<{ before: KnowledgeCategoryNode[]; after: KnowledgeCategoryNode[] }> {
  const _id = treeId(tenantId, kind);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const { nodes, version } = await readCategoryTree(tenantId, kind);
    let after: KnowledgeCategoryNode[];
    try {
      after = change(nodes);
    } catch (error) {
      throw treeErrorToAppError(error);
    }
    const written = await KnowledgeTreeModel.updateOne(
      { tenantId, _id, version },
      { $set: { nodes: after, version: version + 1 } },
    );
    if (written.matchedCount === 1) return { before: nodes, after };
    // Spread the retries, so two writers who lost to each other do not collide again at once.
    await sleep(Math.floor(Math.random() * 20 * (attempt + 1)));
  }
  throw unavailable('分类正在被他人修改，请稍后重试', 'KNOWLEDGE_TREE_BUSY');
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

/** Items left in a category that is gone (saved into it while it was deleted) go to 未分类. */
export async function rehomeOrphans(tenantId: string, categoryId: string, deps: Deps): Promise<void> {
  const orphans = await KnowledgeItemModel.find({ tenantId, categoryId }, { _id: 1 }).lean();
  if (orphans.length === 0) return;
  const ids = orphans.map((item) => String(item._id));
  await writeListRows(
    deps.listSearch,
    knowledgeReadModel,
    tenantId,
    ids,
    () => KnowledgeItemModel.updateMany({ tenantId, categoryId }, { $set: { categoryId: UNCATEGORIZED_ID } }),
    { refresh: 'wait_for' },
  );
}
