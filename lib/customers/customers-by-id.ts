import { Types } from 'mongoose';
import { CustomerModel } from '../models/customer.model';

const PARALLEL_READS = 20;

/**
 * Reads customers by _id, one point read each. FerretDB v1 serves a filter from its _id index only when the
 * filter is `{_id: <value>}` alone (no `$in`, no second key), so the read names no tenant and the tenant is
 * checked here instead; on MongoDB these are index lookups as well. Missing or foreign ids are left out.
 */
export async function customersById<T extends { tenantId: string }>(
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
  projection: Record<string, 0 | 1>,
): Promise<Map<string, T & { _id: Types.ObjectId }>> {
  const found = new Map<string, T & { _id: Types.ObjectId }>();
  const unique = [...new Set(ids.map(String))];
  for (let start = 0; start < unique.length; start += PARALLEL_READS) {
    const rows = await Promise.all(
      unique.slice(start, start + PARALLEL_READS).map((id) =>
        CustomerModel.findOne({ _id: new Types.ObjectId(id) }, { ...projection, tenantId: 1 })
          .setOptions({ crossTenant: true })
          .lean<T & { _id: Types.ObjectId }>(),
      ),
    );
    for (const row of rows) if (row && row.tenantId === tenantId) found.set(String(row._id), row);
  }
  return found;
}
