import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { SensitiveAlertListQuery } from '../contracts/sensitive-alerts.contract';
import { SensitiveAlertModel } from '../models/sensitive-alert.model';
import { StaffModel } from '../models/staff.model';
import type { StoredAlert } from '../sensitive/alert-views';
import { escapeRegExp } from '../text/escape-reg-exp';
import { customerIndexNames } from './customer-index';
import { keyedReadModel, scanListRows, searchListPage, type ListSearch } from './list-read-model';
import { SUBSTRING_FIELD, substringPhrase, substringTokens, type SubstringTokens } from './substring-tokens';

/**
 * The 敏感行为审核 read model (R-5.3.1): one document per alert with the list's filters (敏感行为, 状态, 触发时间,
 * 发送人, 审核人's name as exact substrings, the conversation's members for 数据权限) and the row itself. Written
 * where alerts are (lib/sensitive/insert-alerts-once.ts, 审核 in the api and the review workflow) through
 * writeListRows (list-read-model.ts). 敏感行为分析 (R-6.3) aggregates the same documents: by sender type,
 * and by word and message, so that a word is counted once per message (I-94).
 */
// 2: senderType, msgid and words as keywords, for 敏感行为分析.
export const SENSITIVE_ALERT_INDEX_VERSION = 2;

/** Rows written before alerts had timestamps have neither. */
export type SensitiveAlertSource = Omit<StoredAlert, 'createdAt' | 'updatedAt'> & {
  updatedAt?: Date | null;
  createdAt?: Date | null;
};

/** The row as stored: what the views read, dates as ISO strings. */
type StoredAlertRow = Omit<StoredAlert, 'triggeredAt' | 'reviewedAt' | 'createdAt' | 'updatedAt'> & {
  triggeredAt: string;
  reviewedAt: string | null;
};

interface SensitiveAlertDocument {
  tenantId: string;
  alertId: string;
  behavior: string;
  status: string;
  triggeredAt: string;
  staffUserids: string[];
  from: string;
  senderType: string;
  /** Empty for 删除好友 (no message). */
  msgid: string;
  words: string[];
  reviewerName: SubstringTokens;
  row: StoredAlertRow;
}

export function toSensitiveAlertDocument(alert: SensitiveAlertSource): SensitiveAlertDocument {
  const row: StoredAlertRow = {
    ...alert,
    triggeredAt: alert.triggeredAt.toISOString(),
    reviewedAt: alert.reviewedAt?.toISOString() ?? null,
  };
  return {
    tenantId: alert.tenantId,
    alertId: alert._id,
    behavior: alert.behavior,
    status: alert.status ?? 'pending',
    triggeredAt: row.triggeredAt,
    staffUserids: alert.staffUserids ?? [],
    from: alert.from,
    senderType: alert.senderType,
    msgid: alert.msgid ?? '',
    words: alert.words ?? [],
    reviewerName: substringTokens(alert.reviewer?.name ?? ''),
    row,
  };
}

function fromStoredRow(row: StoredAlertRow): StoredAlert {
  return {
    ...row,
    triggeredAt: new Date(row.triggeredAt),
    reviewedAt: row.reviewedAt ? new Date(row.reviewedAt) : undefined,
  } as StoredAlert;
}

export const sensitiveAlertReadModel = keyedReadModel<SensitiveAlertSource>({
  kind: 'sensitive-alerts',
  version: SENSITIVE_ALERT_INDEX_VERSION,
  sort: { field: ['triggeredAt', 'alertId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    alertId: { type: 'keyword' },
    behavior: { type: 'keyword' },
    status: { type: 'keyword' },
    triggeredAt: { type: 'date' },
    staffUserids: { type: 'keyword' },
    from: { type: 'keyword' },
    senderType: { type: 'keyword' },
    msgid: { type: 'keyword' },
    words: { type: 'keyword' },
    reviewerName: SUBSTRING_FIELD,
    row: { type: 'object', enabled: false },
  },
  // The whole alert: the row shows all of it.
  rows: SensitiveAlertModel,
  key: '_id',
  // Rows written before alerts had an updatedAt: their creation (a review writes one, later).
  versionOf: (alert) => (alert.updatedAt ?? alert.createdAt ?? alert.triggeredAt).getTime(),
  toDocument: toSensitiveAlertDocument,
});

type Query = estypes.QueryDslQueryContainer;

/**
 * The 敏感行为列表 filter (R-5.3.1) inside the caller's 数据权限 (rows of conversations with a member in
 * scope). The 发送人 search is by the senders' current names: the members and customers so named are looked
 * up first (members in MongoDB, a tenant's staff being bounded; customers in the customer index).
 */
export async function sensitiveAlertSearchQuery(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: Omit<SensitiveAlertListQuery, 'page' | 'pageSize'>,
): Promise<Query> {
  const must: Query[] = [{ term: { tenantId } }];
  if (!scope.all) must.push({ terms: { staffUserids: scope.userids } });
  if (query.behavior !== 'all') must.push({ term: { behavior: query.behavior } });
  if (query.from || query.to) {
    must.push({
      range: {
        triggeredAt: {
          ...(query.from ? { gte: query.from.toISOString() } : {}),
          ...(query.to ? { lte: query.to.toISOString() } : {}),
        },
      },
    });
  }
  if (query.status === 'pending') must.push({ term: { status: 'pending' } });
  if (query.status === 'reviewed') must.push({ terms: { status: ['violation', 'dismissed'] } });
  if (query.keyword) {
    const { field, phrase } = substringPhrase(query.keyword);
    must.push({
      bool: {
        should: [
          { terms: { from: await sendersNamed(search, tenantId, query.keyword) } },
          { match_phrase: { [`reviewerName.${field}`]: { query: phrase, analyzer: 'standard' } } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  return { bool: { filter: must } };
}

/** At most this many customers a 发送人 search names (a one-character search in a huge tenant). */
const MAX_NAMED_CUSTOMERS = 10_000;

/** Members and customers whose name contains `keyword` (the customers' by the customer index's name tokens). */
async function sendersNamed(search: ListSearch, tenantId: string, keyword: string): Promise<string[]> {
  const { field, phrase } = substringPhrase(keyword);
  const [staff, customers] = await Promise.all([
    StaffModel.distinct('userid', {
      tenantId,
      name: new RegExp(escapeRegExp(keyword), 'i'),
    }) as Promise<string[]>,
    search.es.search<{ externalUserid: string }>({
      index: customerIndexNames(search.indexPrefix).alias,
      query: {
        bool: {
          filter: [
            { term: { tenantId } },
            { match_phrase: { [`name.${field}`]: { query: phrase, analyzer: 'standard' } } },
          ],
        },
      },
      size: MAX_NAMED_CUSTOMERS,
      _source: ['externalUserid'],
      // Before the customer index exists (no customer written yet), no customer is so named.
      ignore_unavailable: true,
      allow_no_indices: true,
    }),
  ]);
  return [
    ...staff,
    ...customers.hits.hits.flatMap((hit) => (hit._source ? [hit._source.externalUserid] : [])),
  ];
}

/** Newest first, the id breaking ties (as NEWEST_FIRST on MongoDB was). */
const NEWEST_FIRST: estypes.Sort = [{ triggeredAt: { order: 'desc' } }, { alertId: { order: 'desc' } }];

/** A page of the list and the exact count, from the index alone. */
export async function searchSensitiveAlertRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: SensitiveAlertListQuery,
): Promise<{ rows: StoredAlert[]; total: number }> {
  const filter = await sensitiveAlertSearchQuery(search, tenantId, scope, query);
  const page = await searchListPage<SensitiveAlertSource, StoredAlertRow>(search, sensitiveAlertReadModel, {
    query: filter,
    sort: NEWEST_FIRST,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { rows: page.rows.map(fromStoredRow), total: page.total };
}

/** Every row the filter matches, in list order, `size` at a time (the export). */
export async function* allSensitiveAlertRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: Omit<SensitiveAlertListQuery, 'page' | 'pageSize'>,
  size: number,
): AsyncGenerator<StoredAlert[]> {
  const filter = await sensitiveAlertSearchQuery(search, tenantId, scope, query);
  const batches = scanListRows<SensitiveAlertSource, { row: StoredAlertRow }>(
    search,
    sensitiveAlertReadModel,
    {
      query: filter,
      sort: NEWEST_FIRST,
      size,
    },
  );
  for await (const batch of batches) yield batch.map((doc) => fromStoredRow(doc.row));
}
