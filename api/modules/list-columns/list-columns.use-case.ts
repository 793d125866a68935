import type { ColumnCatalogue } from '../../../lib/contracts/list-columns.contract';
import { ListColumnsModel, type ListColumnsField } from '../../../lib/models/customer-list-columns.model';
import type { Caller } from '../../auth/caller';

/**
 * The gear of a list page (R-3.1.1-05, R-3.2.1-07): each user's columns for that list, remembered per user,
 * the catalogue's default until they choose.
 */
export function listColumnsStore<K extends string>(field: ListColumnsField, catalogue: ColumnCatalogue<K>) {
  const known = new Set<string>(catalogue.columns.map((column) => column.key));
  const available = catalogue.columns.map(({ key, label }) => ({ key, label }));

  async function columnsOf({ tenantId, staffId }: Caller) {
    const saved = await ListColumnsModel.findOne({ tenantId, _id: staffId }, { [field]: 1 }).lean();
    // A column dropped in a later version is ignored rather than breaking the page.
    const columns = ((saved?.[field] ?? []) as string[]).filter((key): key is K => known.has(key));
    return { columns: columns.length ? columns : [...catalogue.defaults], available };
  }

  async function saveColumns(caller: Caller, { columns }: { columns: K[] }) {
    await ListColumnsModel.updateOne(
      { tenantId: caller.tenantId, _id: caller.staffId },
      { $set: { [field]: columns } },
      { upsert: true },
    );
    return columnsOf(caller);
  }

  return { columnsOf, saveColumns };
}
