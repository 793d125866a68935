import type { Types } from 'mongoose';
import { findMatchingAny } from '../db/find-matching-any';
import { CustomerModel } from '../models/customer.model';

/** Reads the tenant's customers with the given _ids, by key (findMatchingAny). Missing ids are left out. */
export async function customersById<T>(
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
  projection: Record<string, 0 | 1>,
): Promise<Map<string, T & { _id: Types.ObjectId }>> {
  if (ids.length === 0) return new Map();
  const rows = await findMatchingAny<T & { _id: Types.ObjectId }>(
    CustomerModel,
    [...new Set(ids.map(String))].map((_id) => ({ tenantId, _id })),
    projection,
  );
  return new Map(rows.map((row) => [String(row._id), row]));
}

/**
 * Reads the tenant's customers with the given WeCom external ids, by key (findMatchingAny): the names of a
 * page's chats, a group's members, a code's new contacts. Missing ids are left out.
 */
export async function customersByExternalUserid<T extends { externalUserid: string }>(
  tenantId: string,
  externalUserids: readonly string[],
  projection: Record<string, 0 | 1>,
): Promise<T[]> {
  return findMatchingAny<T>(
    CustomerModel,
    [...new Set(externalUserids)].map((externalUserid) => ({ tenantId, externalUserid })),
    { ...projection, externalUserid: 1 },
  );
}
