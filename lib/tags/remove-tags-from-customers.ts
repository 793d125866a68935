import { deriveCustomerFields } from '../customers/customer-derived';
import { CustomerModel } from '../models/customer.model';

const BATCH = 200;

/**
 * Deleting a corp tag removes it from every customer (I-105), from each member's relation and from the
 * derived 客户标签 alike. Each customer is rewritten whole (no positional updates in FerretDB), guarded by
 * its `updatedAt`, so a concurrent sync is not overwritten: a customer that changed is read again.
 */
export async function removeTagsFromCustomers(tenantId: string, tagIds: readonly string[]): Promise<number> {
  if (tagIds.length === 0) return 0;
  const doomed = new Set(tagIds);
  const filter = {
    tenantId,
    $or: [{ tagIds: { $in: [...doomed] } }, { 'follows.tagIds': { $in: [...doomed] } }],
  };
  let changed = 0;
  // Each pass clears what it read; a customer changed meanwhile is simply met again in the next pass.
  for (let pass = 0; pass < 10_000; pass += 1) {
    const customers = await CustomerModel.find(filter).limit(BATCH).lean();
    if (customers.length === 0) break;
    for (const customer of customers) {
      const follows = customer.follows.map((follow) => ({
        ...follow,
        tagIds: follow.tagIds.filter((id) => !doomed.has(id)),
      }));
      const result = await CustomerModel.updateOne(
        { tenantId, _id: customer._id, updatedAt: customer.updatedAt },
        { $set: { follows, ...deriveCustomerFields(follows, customer.profile?.phone) } },
      );
      changed += result.modifiedCount;
    }
  }
  return changed;
}
