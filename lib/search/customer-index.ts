import type { CustomerListDocument } from '../customers/customer-row';
import { CustomerModel } from '../models/customer.model';
import { keyedReadModel, listIndexNames } from './list-read-model';
import { SUBSTRING_FIELD, substringTokens, type SubstringTokens } from './substring-tokens';
import type { VersionedIndexNames } from './versioned-index';

/**
 * The customer search read model (客户列表, R-3.1.1): one Elasticsearch document per customer with the list's
 * filter and sort fields, rebuilt from MongoDB at any time (MongoDB stays the system of record). Readers and
 * writers use the alias; the versioned index behind it changes when the mapping does (bump the version), and
 * the new one is filled from MongoDB. Written, drained and rebuilt as every list read model is (list-read-model.ts).
 */
export const CUSTOMER_INDEX_VERSION = 2;

export type CustomerIndexNames = VersionedIndexNames;

export function customerIndexNames(prefix: string): CustomerIndexNames {
  return listIndexNames('customers', CUSTOMER_INDEX_VERSION, prefix);
}

/** The fields a customer document must have read for its search document (and its version). */
export const CUSTOMER_SEARCH_SOURCE_FIELDS = {
  tenantId: 1,
  externalUserid: 1,
  active: 1,
  adderUserids: 1,
  ownerUserid: 1,
  firstAddedAt: 1,
  lastContactAt: 1,
  'profile.source': 1,
  'profile.corpName': 1,
  tagIds: 1,
  type: 1,
  name: 1,
  phones: 1,
  corpName: 1,
  corpFullName: 1,
  updatedAt: 1,
  // What a list row shows besides the above (CustomerListDocument).
  avatar: 1,
  position: 1,
  profile: 1,
  'follows.userid': 1,
  'follows.remark': 1,
  'follows.deletedAt': 1,
} as const;

export interface CustomerSearchSource {
  _id: { toString(): string };
  tenantId: string;
  externalUserid: string;
  active?: boolean | null;
  adderUserids?: string[] | null;
  ownerUserid?: string | null;
  firstAddedAt?: Date | null;
  lastContactAt?: Date | null;
  avatar?: string | null;
  position?: string | null;
  profile?: {
    source?: string | null;
    corpName?: string | null;
    position?: string | null;
    phone?: string | null;
  } | null;
  follows?: Array<{ userid: string; remark?: string | null; deletedAt?: Date | null }> | null;
  tagIds?: string[] | null;
  type?: number | null;
  name?: string | null;
  phones?: string[] | null;
  corpName?: string | null;
  corpFullName?: string | null;
  updatedAt?: Date | null;
}

export interface CustomerSearchDocument {
  tenantId: string;
  /** The MongoDB _id (hex): the list's tie-break, and how a page's rows are read back. */
  mongoId: string;
  externalUserid: string;
  active: boolean;
  adderUserids: string[];
  ownerUserid: string | null;
  firstAddedAt: string | null;
  lastContactAt: string | null;
  source: string | null;
  tagIds: string[];
  type: number;
  name: SubstringTokens;
  phones: SubstringTokens[];
  /** 企业: WeCom's short and full name and the edited one, any of which a 企业 search may hit. */
  corp: SubstringTokens[];
  /**
   * When this copy was written to the index (ISO): SOP plans find the customers that changed since their last
   * poll by it (lib/sop/sop-entrants.ts), whichever writer, drain or rebuild wrote them.
   */
  indexedAt: string;
  /**
   * The list row as stored (not indexed): a page is served from the index alone, with no read of MongoDB (whose
   * batched lookups by _id are 20 round trips on FerretDB, lib/db/find-matching-any.ts).
   */
  row: StoredCustomerRow;
}

/** A CustomerListDocument with dates as ISO strings and only the 跟进人's relation (for its 备注). */
export type StoredCustomerRow = Omit<CustomerListDocument, 'firstAddedAt' | 'lastContactAt'> & {
  firstAddedAt: string | null;
  lastContactAt: string | null;
};

/** Back to what toCustomerRow takes. */
export function customerRowFromIndex(row: StoredCustomerRow): CustomerListDocument {
  return {
    ...row,
    firstAddedAt: row.firstAddedAt ? new Date(row.firstAddedAt) : null,
    lastContactAt: row.lastContactAt ? new Date(row.lastContactAt) : null,
  };
}

/** One customer as the search index stores it; the same function serves writes, rebuilds and the bench. */
export function toCustomerSearchDocument(customer: CustomerSearchSource): CustomerSearchDocument {
  const texts = (values: Array<string | null | undefined>) =>
    values.filter((value): value is string => typeof value === 'string' && value !== '').map(substringTokens);
  return {
    tenantId: customer.tenantId,
    mongoId: customer._id.toString(),
    externalUserid: customer.externalUserid,
    active: customer.active ?? true,
    adderUserids: customer.adderUserids ?? [],
    ownerUserid: customer.ownerUserid ?? null,
    firstAddedAt: customer.firstAddedAt?.toISOString() ?? null,
    lastContactAt: customer.lastContactAt?.toISOString() ?? null,
    source: customer.profile?.source ?? null,
    tagIds: customer.tagIds ?? [],
    type: customer.type ?? 1,
    name: substringTokens(customer.name ?? ''),
    phones: texts(customer.phones ?? []),
    corp: texts([customer.corpName, customer.corpFullName, customer.profile?.corpName]),
    indexedAt: new Date().toISOString(),
    row: storedRow(customer),
  };
}

function storedRow(customer: CustomerSearchSource): StoredCustomerRow {
  const owner = customer.ownerUserid ?? null;
  const ownerFollow = customer.follows?.find((follow) => follow.userid === owner && !follow.deletedAt);
  return {
    externalUserid: customer.externalUserid,
    name: customer.name ?? '',
    avatar: customer.avatar ?? '',
    type: customer.type ?? 1,
    corpName: customer.corpName ?? '',
    corpFullName: customer.corpFullName ?? '',
    position: customer.position ?? '',
    profile: {
      corpName: customer.profile?.corpName ?? null,
      position: customer.profile?.position ?? null,
      phone: customer.profile?.phone ?? null,
      source: customer.profile?.source ?? null,
    },
    follows: ownerFollow ? [{ userid: ownerFollow.userid, remark: ownerFollow.remark ?? '' }] : [],
    adderUserids: customer.adderUserids ?? [],
    ownerUserid: owner,
    firstAddedAt: customer.firstAddedAt?.toISOString() ?? null,
    lastContactAt: customer.lastContactAt?.toISOString() ?? null,
    tagIds: customer.tagIds ?? [],
    phones: customer.phones ?? [],
  };
}

/**
 * The version Elasticsearch keeps with the document (external versioning): the customer's updatedAt, so an
 * older copy arriving late, or the same copy twice, never replaces a newer one.
 */
export function customerSearchVersion(customer: CustomerSearchSource): number {
  return customer.updatedAt?.getTime() ?? 0;
}

export const customerReadModel = keyedReadModel<CustomerSearchSource>({
  kind: 'customers',
  // Customers' ObjectIds are unique across tenants, and other indexes' documents refer to them as they are.
  documentId: (_tenantId, key) => key,
  version: CUSTOMER_INDEX_VERSION,
  sort: { field: ['firstAddedAt', 'mongoId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    mongoId: { type: 'keyword' },
    externalUserid: { type: 'keyword' },
    active: { type: 'boolean' },
    adderUserids: { type: 'keyword' },
    ownerUserid: { type: 'keyword' },
    firstAddedAt: { type: 'date' },
    lastContactAt: { type: 'date' },
    source: { type: 'keyword' },
    tagIds: { type: 'keyword' },
    type: { type: 'byte' },
    name: SUBSTRING_FIELD,
    phones: SUBSTRING_FIELD,
    corp: SUBSTRING_FIELD,
    indexedAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  // A rebuild is one pass in _id order: on FerretDB any other filter would scan per batch.
  rows: CustomerModel,
  key: '_id',
  fields: CUSTOMER_SEARCH_SOURCE_FIELDS,
  versionOf: customerSearchVersion,
  toDocument: toCustomerSearchDocument,
});
