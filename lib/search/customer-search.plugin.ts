import { Types, type Query, type Schema } from 'mongoose';
import { indexCustomersAfterWrite } from './customer-search-runtime';

const UPDATES: Array<'updateOne' | 'updateMany' | 'findOneAndUpdate' | 'replaceOne' | 'findOneAndReplace'> = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
];

type UpdateQuery = Query<unknown, unknown> & { customerSearchIds?: Types.ObjectId[] };

/**
 * Keeps the customer search index in step with single-document writes, wherever they are made (客户详情 and
 * H5 edits, tag deletion, creates): the touched customers are indexed after the write. Which customers a
 * filter touches is read before the update, since the update may change what the filter matches. Bulk
 * writes carry no ids to mongoose's hooks, so their callers (lib/customers/customer-writes.ts, 打标签) call
 * indexCustomersAfterWrite themselves.
 */
export function customerSearchPlugin(schema: Schema): void {
  schema.pre(UPDATES, async function collectTouchedCustomers(this: UpdateQuery) {
    const filter = this.getFilter();
    if (typeof filter.tenantId !== 'string') return;
    if (isObjectId(filter._id)) {
      this.customerSearchIds = [filter._id];
      return;
    }
    const rows = await this.model
      .find(filter, { _id: 1 })
      .setOptions({ crossTenant: this.getOptions().crossTenant })
      .lean<Array<{ _id: Types.ObjectId }>>();
    this.customerSearchIds = rows.map((row) => row._id);
  });
  schema.post(UPDATES, async function indexTouchedCustomers(this: UpdateQuery) {
    const tenantId = this.getFilter().tenantId;
    if (typeof tenantId === 'string' && this.customerSearchIds) {
      await indexCustomersAfterWrite(tenantId, this.customerSearchIds);
    }
  });
  schema.post('save', async function indexSavedCustomer(doc: { tenantId: string; _id: Types.ObjectId }) {
    await indexCustomersAfterWrite(doc.tenantId, [doc._id]);
  });
  schema.post(
    'insertMany',
    async function indexInsertedCustomers(docs: Array<{ tenantId: string; _id: Types.ObjectId }>) {
      const byTenant = new Map<string, Types.ObjectId[]>();
      for (const doc of docs) byTenant.set(doc.tenantId, [...(byTenant.get(doc.tenantId) ?? []), doc._id]);
      for (const [tenantId, ids] of byTenant) await indexCustomersAfterWrite(tenantId, ids);
    },
  );
}

function isObjectId(value: unknown): value is Types.ObjectId {
  return value instanceof Types.ObjectId;
}
