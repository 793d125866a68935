import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { CustomerGroupListQuery } from '../contracts/customer-groups.contract';
import { esDayRange } from './es-day-range';
import { CustomerGroupModel } from '../models/customer-group.model';
import { keyedReadModel, searchListPage, type ListSearch } from './list-read-model';
import { SUBSTRING_FIELD, substringPhrase, substringTokens, type SubstringTokens } from './substring-tokens';

/**
 * The 客户群 read model: one document per group with the list's filters (群名称 as exact substrings,
 * 群主, 群标签, 最近沟通时间, 创建时间), whether it is dismissed, and the row the list shows. Written by every
 * writer of customer groups through writeListRows (list-read-model.ts).
 */
export const CUSTOMER_GROUP_INDEX_VERSION = 2;

/** What a group's document is made of (and its version, updatedAt). */
const SOURCE_FIELDS = {
  tenantId: 1,
  chatId: 1,
  name: 1,
  ownerUserid: 1,
  createdAt: 1,
  lastMessageAt: 1,
  memberCount: 1,
  groupTagIds: 1,
  dismissedAt: 1,
  updatedAt: 1,
} as const;

export interface CustomerGroupSource {
  tenantId: string;
  chatId: string;
  name?: string | null;
  ownerUserid: string;
  createdAt?: Date | null;
  lastMessageAt?: Date | null;
  memberCount?: number | null;
  groupTagIds?: string[] | null;
  dismissedAt?: Date | null;
  updatedAt?: Date | null;
}

/** The list row as stored (not indexed): a page is served from the index, names looked up for its 20 rows. */
export interface StoredGroupRow {
  chatId: string;
  name: string;
  ownerUserid: string;
  memberCount: number;
  groupTagIds: string[];
  createdAt: string | null;
  lastMessageAt: string | null;
}

interface CustomerGroupDocument {
  tenantId: string;
  chatId: string;
  name: SubstringTokens;
  ownerUserid: string;
  groupTagIds: string[];
  createdAt: string | null;
  lastMessageAt: string | null;
  dismissed: boolean;
  /** When this copy was written to the index (ISO): how SOP plans find the groups that changed (sop-entrants.ts). */
  indexedAt: string;
  row: StoredGroupRow;
}

export function toCustomerGroupDocument(group: CustomerGroupSource): CustomerGroupDocument {
  const row: StoredGroupRow = {
    chatId: group.chatId,
    name: group.name ?? '',
    ownerUserid: group.ownerUserid,
    memberCount: group.memberCount ?? 0,
    // Groups stored by syncs before they wrote the field have none.
    groupTagIds: group.groupTagIds ?? [],
    createdAt: group.createdAt?.toISOString() ?? null,
    lastMessageAt: group.lastMessageAt?.toISOString() ?? null,
  };
  return {
    tenantId: group.tenantId,
    chatId: group.chatId,
    name: substringTokens(row.name),
    ownerUserid: row.ownerUserid,
    groupTagIds: row.groupTagIds,
    createdAt: row.createdAt,
    lastMessageAt: row.lastMessageAt,
    dismissed: Boolean(group.dismissedAt),
    indexedAt: new Date().toISOString(),
    row,
  };
}

export const customerGroupReadModel = keyedReadModel<CustomerGroupSource>({
  kind: 'customer-groups',
  version: CUSTOMER_GROUP_INDEX_VERSION,
  sort: { field: ['createdAt', 'chatId'], order: ['desc', 'asc'] },
  properties: {
    tenantId: { type: 'keyword' },
    chatId: { type: 'keyword' },
    name: SUBSTRING_FIELD,
    ownerUserid: { type: 'keyword' },
    groupTagIds: { type: 'keyword' },
    createdAt: { type: 'date' },
    lastMessageAt: { type: 'date' },
    dismissed: { type: 'boolean' },
    indexedAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  rows: CustomerGroupModel,
  key: 'chatId',
  fields: SOURCE_FIELDS,
  versionOf: (group) => group.updatedAt?.getTime() ?? 0,
  toDocument: toCustomerGroupDocument,
});

type Query = estypes.QueryDslQueryContainer;

/**
 * The 客户群列表 filter inside the caller's 数据权限 (I-104: by 群主), dismissed groups left out. The
 * owner filter narrows the data scope, never widens it: both must hold.
 */
export function customerGroupSearchQuery(
  tenantId: string,
  query: Omit<CustomerGroupListQuery, 'page' | 'pageSize'>,
  scope: StaffScope,
): Query {
  const must: Query[] = [{ term: { tenantId } }, { term: { dismissed: false } }];
  if (!scope.all) must.push({ terms: { ownerUserid: scope.userids } });
  if (query.keyword) {
    const { field, phrase } = substringPhrase(query.keyword);
    must.push({ match_phrase: { [`name.${field}`]: { query: phrase, analyzer: 'standard' } } });
  }
  if (query.ownerUserid?.length) must.push({ terms: { ownerUserid: query.ownerUserid } });
  if (query.groupTagId?.length) must.push({ terms: { groupTagIds: query.groupTagId } });
  for (const [field, from, to] of [
    ['lastMessageAt', query.lastMessageFrom, query.lastMessageTo],
    ['createdAt', query.createdFrom, query.createdTo],
  ] as const) {
    const range = esDayRange(field, from, to);
    if (range) must.push(range);
  }
  return { bool: { filter: must } };
}

/** Newest first (I-57), as the index is stored; groups without a 创建时间 last. */
const NEWEST_FIRST: estypes.Sort = [
  { createdAt: { order: 'desc', missing: '_last' } },
  { chatId: { order: 'asc' } },
];

/** A page of the list and the exact count, from the index alone. */
export function searchCustomerGroupRows(
  search: ListSearch,
  tenantId: string,
  query: CustomerGroupListQuery,
  scope: StaffScope,
): Promise<{ rows: StoredGroupRow[]; total: number }> {
  return searchListPage<CustomerGroupSource, StoredGroupRow>(search, customerGroupReadModel, {
    query: customerGroupSearchQuery(tenantId, query, scope),
    sort: NEWEST_FIRST,
    page: query.page,
    pageSize: query.pageSize,
  });
}
