import { UNCATEGORIZED_ID } from './category-tree';
import { KnowledgeItemModel } from '../models/knowledge-item.model';
import { knowledgeReadModel } from '../search/knowledge-index';
import { writeListRows, type ListSearch } from '../search/list-read-model';

/** Items left in a category that is gone (saved into it while it was deleted) go to 未分类. */
export async function rehomeOrphans(
  tenantId: string,
  categoryId: string,
  deps: { listSearch: ListSearch },
): Promise<void> {
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
