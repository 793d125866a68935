import type { Types } from 'mongoose';
import { CustomerModel } from '../models/customer.model';

/**
 * Reads the tenant's customers with the given _ids in one query: an index lookup on MongoDB; on FerretDB v1
 * (which answers no filter from an index) one scan, however many ids. Missing ids are left out.
 */
export async function customersById<T>(
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
  projection: Record<string, 0 | 1>,
): Promise<Map<string, T & { _id: Types.ObjectId }>> {
  if (ids.length === 0) return new Map();
  const rows = await CustomerModel.find(
    { tenantId, _id: { $in: [...new Set(ids.map(String))] } },
    projection,
  ).lean<Array<T & { _id: Types.ObjectId }>>();
  return new Map(rows.map((row) => [String(row._id), row]));
}
