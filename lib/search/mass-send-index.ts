import type { estypes } from '@elastic/elasticsearch';
import type {
  MassSendKind,
  MassSendListQuery,
  MassSendProgress,
  MassSendResultQuery,
  MassSendStatus,
  RecipientFailReason,
  RecipientStatus,
} from '../contracts/mass-send.contract';
import { MassSendRecipientModel } from '../models/mass-send-recipient.model';
import { MassSendModel } from '../models/mass-send.model';
import {
  keyedReadModel,
  scanListRows,
  searchListPage,
  withListIndex,
  type ListSearch,
} from './list-read-model';
import { SUBSTRING_FIELD, substringPhrase, substringTokens, type SubstringTokens } from './substring-tokens';

/**
 * The 群发管理 read models (R-3.3.1, R-3.3.3): the sends' list (群发类型, 状态, 创建人 as exact substrings, newest
 * first) and each send's recipients (the detail's tabs, paged), both written through writeListRows.
 */
export const MASS_SEND_INDEX_VERSION = 1;
export const MASS_SEND_RECIPIENT_INDEX_VERSION = 1;

export interface MassSendSource {
  _id: { toString(): string };
  tenantId: string;
  kind: MassSendKind;
  text: string;
  status: MassSendStatus;
  failReason?: string | null;
  sendAt?: Date | null;
  creator: { staffId?: string | null; userid?: string | null; name?: string | null };
  progress?: MassSendProgress | null;
  updatedAt: Date;
}

/** The list row as stored. */
export interface StoredMassSendRow {
  id: string;
  kind: MassSendKind;
  text: string;
  status: MassSendStatus;
  failReason: string | null;
  sendAt: string | null;
  creator: { userid: string; name: string };
  updatedAt: string;
  progress: MassSendProgress;
}

interface MassSendDocument {
  tenantId: string;
  sendId: string;
  kind: MassSendKind;
  status: MassSendStatus;
  creatorUserid: string;
  creatorName: SubstringTokens;
  /** I-61: by 发送时间, newest first; a draft by its last save. */
  sortAt: string;
  row: StoredMassSendRow;
}

const EMPTY_PROGRESS: MassSendProgress = { total: 0, sent: 0, unsent: 0, failed: 0 };

function toMassSendDocument(send: MassSendSource): MassSendDocument {
  const row: StoredMassSendRow = {
    id: send._id.toString(),
    kind: send.kind,
    text: send.text,
    status: send.status,
    failReason: send.failReason ?? null,
    sendAt: send.sendAt?.toISOString() ?? null,
    creator: { userid: send.creator.userid ?? '', name: send.creator.name ?? '' },
    updatedAt: send.updatedAt.toISOString(),
    progress: send.progress ?? EMPTY_PROGRESS,
  };
  return {
    tenantId: send.tenantId,
    sendId: row.id,
    kind: send.kind,
    status: send.status,
    creatorUserid: row.creator.userid,
    creatorName: substringTokens(row.creator.name),
    sortAt: row.status === 'draft' || !row.sendAt ? row.updatedAt : row.sendAt,
    row,
  };
}

const SEND_FIELDS = {
  tenantId: 1,
  kind: 1,
  text: 1,
  status: 1,
  failReason: 1,
  sendAt: 1,
  creator: 1,
  progress: 1,
  updatedAt: 1,
} as const;

export const massSendReadModel = keyedReadModel<MassSendSource>({
  kind: 'mass-sends',
  version: MASS_SEND_INDEX_VERSION,
  sort: { field: ['sortAt', 'sendId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    sendId: { type: 'keyword' },
    kind: { type: 'keyword' },
    status: { type: 'keyword' },
    creatorUserid: { type: 'keyword' },
    creatorName: SUBSTRING_FIELD,
    sortAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  rows: MassSendModel,
  key: '_id',
  filter: { deletedAt: null },
  fields: SEND_FIELDS,
  versionOf: (send) => send.updatedAt.getTime(),
  toDocument: toMassSendDocument,
});

type Query = estypes.QueryDslQueryContainer;

/**
 * 群发列表 (R-3.3.1-01, I-61): by 群发类型, 状态 and 创建人's name (fuzzy), newest first. A member sees the sends
 * they created; with 全部 数据权限, everyone's.
 */
export function searchMassSendRows(
  search: ListSearch,
  tenantId: string,
  caller: { userid: string; seesAll: boolean },
  query: MassSendListQuery,
): Promise<{ rows: StoredMassSendRow[]; total: number }> {
  const must: Query[] = [{ term: { tenantId } }];
  if (!caller.seesAll) must.push({ term: { creatorUserid: caller.userid } });
  if (query.kind) must.push({ term: { kind: query.kind } });
  if (query.status) must.push({ term: { status: query.status } });
  if (query.creator) {
    const { field, phrase } = substringPhrase(query.creator);
    must.push({ match_phrase: { [`creatorName.${field}`]: { query: phrase, analyzer: 'standard' } } });
  }
  return searchListPage<MassSendSource, StoredMassSendRow>(search, massSendReadModel, {
    query: { bool: { filter: must } },
    sort: [{ sortAt: { order: 'desc' } }, { sendId: { order: 'desc' } }],
    page: query.page,
    pageSize: query.pageSize,
  });
}

export interface MassSendRecipientSource {
  _id: string;
  tenantId: string;
  sendId: string;
  senderUserid: string;
  recipientId: string;
  recipientName?: string | null;
  status: RecipientStatus;
  failReason?: RecipientFailReason | null;
  sentAt?: Date | null;
  updatedAt: Date;
}

export interface StoredRecipientRow {
  senderUserid: string;
  recipientId: string;
  recipientName: string;
  status: RecipientStatus;
  failReason: RecipientFailReason | null;
  sentAt: string | null;
}

/** What a recipient's document is made of: also what the tracking pass reads, to index the rows it writes. */
export const MASS_SEND_RECIPIENT_FIELDS = {
  tenantId: 1,
  sendId: 1,
  senderUserid: 1,
  recipientId: 1,
  recipientName: 1,
  status: 1,
  failReason: 1,
  sentAt: 1,
  updatedAt: 1,
} as const;

export const massSendRecipientReadModel = keyedReadModel<MassSendRecipientSource>({
  kind: 'mass-send-recipients',
  version: MASS_SEND_RECIPIENT_INDEX_VERSION,
  sort: { field: ['senderUserid', 'recipientId'], order: ['asc', 'asc'] },
  properties: {
    tenantId: { type: 'keyword' },
    sendId: { type: 'keyword' },
    senderUserid: { type: 'keyword' },
    recipientId: { type: 'keyword' },
    status: { type: 'keyword' },
    row: { type: 'object', enabled: false },
  },
  rows: MassSendRecipientModel,
  key: '_id',
  fields: MASS_SEND_RECIPIENT_FIELDS,
  versionOf: (recipient) => recipient.updatedAt.getTime(),
  toDocument: (recipient) => ({
    tenantId: recipient.tenantId,
    sendId: recipient.sendId,
    senderUserid: recipient.senderUserid,
    recipientId: recipient.recipientId,
    status: recipient.status,
    row: {
      senderUserid: recipient.senderUserid,
      recipientId: recipient.recipientId,
      recipientName: recipient.recipientName ?? '',
      status: recipient.status,
      failReason: recipient.failReason ?? null,
      sentAt: recipient.sentAt?.toISOString() ?? null,
    } satisfies StoredRecipientRow,
  }),
});

type RecipientFilter = Pick<MassSendResultQuery, 'status' | 'senderUserid'>;

/** 发送结果's order: by member, then recipient (unique within a send, so it also pages with search_after). */
const MEMBER_ORDER: estypes.Sort = [{ senderUserid: { order: 'asc' } }, { recipientId: { order: 'asc' } }];

function recipientQuery(tenantId: string, sendId: string, filter: RecipientFilter): Query {
  const must: Query[] = [{ term: { tenantId } }, { term: { sendId } }];
  if (filter.status) must.push({ term: { status: filter.status } });
  if (filter.senderUserid) must.push({ term: { senderUserid: filter.senderUserid } });
  return { bool: { filter: must } };
}

/** 发送结果 (R-3.3.3-01/02): a send's recipients by outcome and by member, paged, in member order. */
export function searchMassSendRecipients(
  search: ListSearch,
  tenantId: string,
  sendId: string,
  query: MassSendResultQuery,
): Promise<{ rows: StoredRecipientRow[]; total: number }> {
  return searchListPage<MassSendRecipientSource, StoredRecipientRow>(search, massSendRecipientReadModel, {
    query: recipientQuery(tenantId, sendId, query),
    sort: MEMBER_ORDER,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** Every recipient the filter matches, `size` at a time in the list's order: the results' export. */
export async function* allMassSendRecipients(
  search: ListSearch,
  tenantId: string,
  sendId: string,
  filter: RecipientFilter,
  size: number,
): AsyncGenerator<StoredRecipientRow[]> {
  const batches = scanListRows<MassSendRecipientSource, { row: StoredRecipientRow }>(
    search,
    massSendRecipientReadModel,
    { query: recipientQuery(tenantId, sendId, filter), sort: MEMBER_ORDER, size },
  );
  for await (const batch of batches) yield batch.map((doc) => doc.row);
}

/** At most this many members send one 群发 (a tenant's staff). */
const MAX_SENDERS = 10_000;

/** Per member how far a send got (the detail's per-staff summary), from the recipients' index. */
export async function recipientProgressBySender(
  search: ListSearch,
  tenantId: string,
  sendId: string,
): Promise<Array<MassSendProgress & { senderUserid: string }>> {
  const result = await withListIndex(search, massSendRecipientReadModel, (names) =>
    search.es.search({
      index: names.alias,
      size: 0,
      query: { bool: { filter: [{ term: { tenantId } }, { term: { sendId } }] } },
      aggs: {
        senders: {
          terms: { field: 'senderUserid', size: MAX_SENDERS, order: { _key: 'asc' } },
          aggs: { statuses: { terms: { field: 'status', size: 3 } } },
        },
      },
    }),
  );
  type Bucket = {
    key: string;
    doc_count: number;
    statuses: { buckets: Array<{ key: string; doc_count: number }> };
  };
  const buckets = (result.aggregations?.senders as { buckets: Bucket[] } | undefined)?.buckets ?? [];
  return buckets.map((bucket) => {
    const count = (status: RecipientStatus) =>
      bucket.statuses.buckets.find((entry) => entry.key === status)?.doc_count ?? 0;
    return {
      senderUserid: bucket.key,
      total: bucket.doc_count,
      sent: count('sent'),
      unsent: count('unsent'),
      failed: count('failed'),
    };
  });
}
