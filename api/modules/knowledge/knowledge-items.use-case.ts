import { Types } from 'mongoose';
import type {
  KnowledgeItem,
  KnowledgeKind,
  KnowledgeListQuery,
  LinkInput,
  PhraseInput,
  ScriptInput,
} from '../../../lib/contracts/knowledge.contract';
import {
  UNCATEGORIZED_ID,
  allCategoryIds,
  findCategory,
  subtreeIds,
} from '../../../lib/knowledge/category-tree';
import { readCategoryTree } from '../../../lib/knowledge/category-tree-store';
import { rehomeOrphans } from '../../../lib/knowledge/rehome-orphans';
import { tallyPress, usageCountOf } from '../../../lib/knowledge/usage-tally';
import { KnowledgeItemModel } from '../../../lib/models/knowledge-item.model';
import { KnowledgeUsageModel } from '../../../lib/models/knowledge-usage.model';
import {
  knowledgeItemView,
  knowledgeReadModel,
  searchKnowledgeRows,
  type KnowledgeItemSource,
} from '../../../lib/search/knowledge-index';
import { writeListRows } from '../../../lib/search/list-read-model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

type Deps = Pick<AppContext, 'listSearch'>;

export type KnowledgeInput =
  | { kind: 'scripts'; input: ScriptInput }
  | { kind: 'phrases'; input: PhraseInput }
  | { kind: 'links'; input: LinkInput };

const NOT_FOUND = () => notFound('内容不存在或已删除', 'KNOWLEDGE_ITEM_NOT_FOUND');

/** The kind's own fields as stored (the category is set apart). */
function fieldsOf(item: KnowledgeInput) {
  switch (item.kind) {
    case 'scripts':
      return { question: item.input.question, similar: item.input.similar, answer: item.input.answer };
    case 'phrases':
      return { content: item.input.content };
    case 'links': {
      const { name, url, title, description, coverUrl } = item.input;
      return { name, url, title, description, coverUrl };
    }
  }
}

/** How an item is named in the audit log: its question, text (cut) or link name. */
function itemName(item: KnowledgeItem): string {
  if (item.kind === 'scripts') return item.question;
  if (item.kind === 'phrases') return item.content.slice(0, 30);
  return item.name;
}

/** Category names by id over the trees read, for the views. */
async function categoryNames(tenantId: string, kinds: readonly KnowledgeKind[]) {
  const names = new Map<string, string>();
  for (const kind of kinds) {
    const { nodes } = await readCategoryTree(tenantId, kind);
    for (const id of allCategoryIds(nodes)) names.set(id, findCategory(nodes, id)!.node.name);
  }
  return names;
}

async function storedItem(tenantId: string, kind: KnowledgeKind | undefined, itemId: string) {
  if (!Types.ObjectId.isValid(itemId)) throw NOT_FOUND();
  const item = await KnowledgeItemModel.findOne({ tenantId, _id: itemId }).lean();
  if (!item || (kind && item.kind !== kind)) throw NOT_FOUND();
  const usageCount = await usageCountOf(tenantId, itemId);
  return { ...item, usageCount } as unknown as KnowledgeItemSource;
}

async function itemView(tenantId: string, kind: KnowledgeKind | undefined, itemId: string) {
  const item = await storedItem(tenantId, kind, itemId);
  const names = await categoryNames(tenantId, [item.kind]);
  return knowledgeItemView(item, names.get(item.categoryId) ?? '');
}

/** The category chosen (none: 未分类), which must be in the kind's tree as it is now. */
async function chosenCategory(tenantId: string, kind: KnowledgeKind, categoryId?: string | null) {
  const id = categoryId ?? UNCATEGORIZED_ID;
  const { nodes } = await readCategoryTree(tenantId, kind);
  if (!findCategory(nodes, id)) throw badRequest('所选分类不存在或已删除', 'KNOWLEDGE_CATEGORY_NOT_FOUND');
  return id;
}

/**
 * After an item was written into `categoryId`: if the category was deleted meanwhile, the item (and any other
 * saved there at the same moment) moves to 未分类. The delete checks again after its own write too, so one of
 * the two always sees the other.
 */
async function settleCategory(tenantId: string, kind: KnowledgeKind, categoryId: string, deps: Deps) {
  const { nodes } = await readCategoryTree(tenantId, kind);
  if (!findCategory(nodes, categoryId)) await rehomeOrphans(tenantId, categoryId, deps);
}

function writeItemRow<T>(tenantId: string, itemId: string, deps: Deps, write: () => Promise<T>) {
  // wait_for: the list the operator returns to (it reloads at once) shows the change.
  return writeListRows(deps.listSearch, knowledgeReadModel, tenantId, [itemId], write, {
    refresh: 'wait_for',
  });
}

/** 新建 (R-4.1.1-10, I-72…I-74). */
export async function createKnowledgeItem(
  caller: Caller,
  item: KnowledgeInput,
  deps: Deps,
): Promise<KnowledgeItem> {
  const { tenantId } = caller;
  const categoryId = await chosenCategory(tenantId, item.kind, item.input.categoryId);
  const _id = new Types.ObjectId();
  await writeItemRow(tenantId, String(_id), deps, () =>
    KnowledgeItemModel.create({ _id, tenantId, kind: item.kind, categoryId, ...fieldsOf(item) }),
  );
  await settleCategory(tenantId, item.kind, categoryId, deps);
  const view = await itemView(tenantId, item.kind, String(_id));
  await recordAudit(caller, {
    action: 'knowledge-item.create',
    target: { type: `knowledge-item:${item.kind}`, id: view.id, name: itemName(view) },
    after: view,
  });
  return view;
}

/** 编辑. */
export async function editKnowledgeItem(
  caller: Caller,
  itemId: string,
  item: KnowledgeInput,
  deps: Deps,
): Promise<KnowledgeItem> {
  const { tenantId } = caller;
  const before = await itemView(tenantId, item.kind, itemId);
  const categoryId = await chosenCategory(tenantId, item.kind, item.input.categoryId);
  const written = await writeItemRow(tenantId, itemId, deps, () =>
    KnowledgeItemModel.updateOne({ tenantId, _id: itemId }, { $set: { categoryId, ...fieldsOf(item) } }),
  );
  if (written.matchedCount === 0) throw NOT_FOUND();
  await settleCategory(tenantId, item.kind, categoryId, deps);
  const after = await itemView(tenantId, item.kind, itemId);
  await recordAudit(caller, {
    action: 'knowledge-item.update',
    target: { type: `knowledge-item:${item.kind}`, id: itemId, name: itemName(after) },
    before,
    after,
  });
  return after;
}

/** 查看. */
export function knowledgeItem(caller: Caller, kind: KnowledgeKind, itemId: string): Promise<KnowledgeItem> {
  return itemView(caller.tenantId, kind, itemId);
}

/** 删除 (after the admin's confirmation): the item; its usage rows stay as the record of use. */
export async function deleteKnowledgeItem(
  caller: Caller,
  kind: KnowledgeKind,
  itemId: string,
  deps: Deps,
): Promise<void> {
  const { tenantId } = caller;
  const before = await itemView(tenantId, kind, itemId);
  await writeItemRow(tenantId, itemId, deps, () => KnowledgeItemModel.deleteOne({ tenantId, _id: itemId }));
  await recordAudit(caller, {
    action: 'knowledge-item.delete',
    target: { type: `knowledge-item:${kind}`, id: itemId, name: itemName(before) },
    before,
  });
}

/** The categories a list covers: the selected one and its descendants (none selected: the whole library). */
async function coveredCategories(tenantId: string, kinds: readonly KnowledgeKind[], categoryId?: string) {
  if (!categoryId) return undefined;
  for (const kind of kinds) {
    const { nodes } = await readCategoryTree(tenantId, kind);
    const found = findCategory(nodes, categoryId);
    if (found) return subtreeIds(found.node);
  }
  throw notFound('分类不存在或已删除', 'KNOWLEDGE_CATEGORY_NOT_FOUND');
}

interface ListRequest {
  kinds: readonly KnowledgeKind[];
  categoryId?: string;
  keyword?: string;
  sort: KnowledgeListQuery['sort'];
  order: KnowledgeListQuery['order'];
  page: number;
  pageSize: number;
}

async function listItems(caller: Caller, request: ListRequest, deps: Deps) {
  const { tenantId } = caller;
  const categoryIds = await coveredCategories(tenantId, request.kinds, request.categoryId);
  const { rows, total } = await searchKnowledgeRows(deps.listSearch, tenantId, {
    kind: request.kinds.length === 1 ? request.kinds[0] : undefined,
    categoryIds,
    keyword: request.keyword || undefined,
    sort: request.sort,
    order: request.order,
    page: request.page,
    pageSize: request.pageSize,
  });
  const names = await categoryNames(tenantId, request.kinds);
  return {
    items: rows.map((row) => ({ ...row, categoryName: names.get(row.categoryId) ?? '' })),
    total,
    page: request.page,
    pageSize: request.pageSize,
  };
}

/** A library's list (R-4.1.1-08/09, I-71): the category and its descendants, searched, sorted, paged. */
export function listKnowledgeItems(
  caller: Caller,
  kind: KnowledgeKind,
  query: KnowledgeListQuery,
  deps: Deps,
) {
  return listItems(caller, { ...query, kinds: [kind] }, deps);
}

/** The side panel's search: across the three libraries, or one, or one category; most recently updated first. */
export function searchKnowledgeForPanel(
  caller: Caller,
  query: { kind?: KnowledgeKind; categoryId?: string; keyword?: string; page: number; pageSize: number },
  deps: Deps,
) {
  const kinds = query.kind ? [query.kind] : (['scripts', 'phrases', 'links'] as const);
  return listItems(caller, { ...query, kinds, sort: 'updatedAt', order: 'desc' }, deps);
}

/**
 * 发送 / 复制 from the side panel (I-71): the press's usage row is inserted once (`<tenant>|<actionId>`) and the
 * press counted once in its item's tally (lib/knowledge/usage-tally.ts), however often and however concurrently
 * the press is retried, also when an earlier request died between the two; its list row is indexed after.
 */
export async function useKnowledgeItem(
  caller: Caller,
  { itemId, action, actionId }: { itemId: string; action: 'send' | 'copy'; actionId: string },
  deps: Deps,
): Promise<{ usageCount: number; counted: boolean }> {
  const { tenantId } = caller;
  await storedItem(tenantId, undefined, itemId);
  const _id = `${tenantId}|${actionId}`;
  const counted = await writeItemRow(tenantId, itemId, deps, async () => {
    let tallyFrom = await usageCountOf(tenantId, itemId);
    try {
      const row = { _id, tenantId, itemId, action, staffId: caller.staffId, at: new Date(), tallyFrom };
      await KnowledgeUsageModel.create(row);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const recorded = await KnowledgeUsageModel.findOne(
        { tenantId, _id },
        { itemId: 1, tallyFrom: 1, slot: 1 },
      ).lean();
      // The same actionId for another item is not this press; a press with its slot is counted.
      if (!recorded || recorded.itemId !== itemId || typeof recorded.slot === 'number') return false;
      tallyFrom = recorded.tallyFrom;
    }
    return tallyPress(tenantId, itemId, actionId, tallyFrom);
  });
  return { usageCount: await usageCountOf(tenantId, itemId), counted };
}
