import type { estypes } from '@elastic/elasticsearch';
import { highlightSegments } from '../../../lib/archive/highlight-segments';
import type { ArchiveSearchPage, ArchiveSearchQuery } from '../../../lib/contracts/archive.contract';
import { CHAT_SEARCH_SORT, chatKeywordQuery } from '../../../lib/search/chat-message-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { archivePeersOf, type ConversationParties } from './archive-peers';
import { archiveSubjectFilter, messageConditionsFilter } from './archive-subject';

interface IndexedMessage extends ConversationParties {
  msgid: string;
  msgtype: string;
  from: string;
  conversationId: string;
  msgtime: string;
  content: string;
}

/**
 * Hits are counted exactly up to here and shown as "1000+" beyond: as far as the pager reaches at 20 a page
 * (50 pages). Counting every hit would visit them all, where a newest-first page on the time-sorted index
 * stops after its own hits once this many are counted.
 */
export const ARCHIVE_SEARCH_TOTAL_CAP = 1_000;

/** The subject filter (archive-subject.ts) as Elasticsearch term filters. */
function termFilters(filter: Record<string, unknown>): estypes.QueryDslQueryContainer[] {
  return Object.entries(filter).map(([field, value]) =>
    typeof value === 'string'
      ? { term: { [field]: value } }
      : { terms: { [field]: (value as { $in: string[] }).$in } },
  );
}

/**
 * Keyword search over one person's chats (R-5.1.1-04, R-3.1.5-04), or a customer's with one staff member,
 * optionally of a 消息类型 in a 聊天时间 range (I-52): messages whose text contains the keyword (one character or
 * more, letter case folded: chatKeywordQuery), newest first, with the page's hits marked. Always filtered by
 * tenant and by the conversations the caller may see.
 */
export async function searchArchiveMessages(
  caller: Caller,
  query: ArchiveSearchQuery,
  { elasticsearch: es, chatIndex: index }: Pick<AppContext, 'elasticsearch' | 'chatIndex'>,
): Promise<ArchiveSearchPage> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const filter: estypes.QueryDslQueryContainer[] = [
    { term: { tenantId } },
    ...termFilters(archiveSubjectFilter(scope, query)),
    chatKeywordQuery(query.keyword),
  ];
  if (query.conversationId) filter.push({ term: { conversationId: query.conversationId } });
  const conditions = messageConditionsFilter(query);
  if (conditions?.msgtype) filter.push({ term: { msgtype: conditions.msgtype } });
  if (conditions?.msgtime) {
    const { $gte, $lt } = conditions.msgtime;
    filter.push({ range: { msgtime: { gte: $gte?.toISOString(), lt: $lt?.toISOString() } } });
  }
  const answer = await es.search<IndexedMessage>({
    index,
    from: (query.page - 1) * query.pageSize,
    size: query.pageSize,
    track_total_hits: ARCHIVE_SEARCH_TOTAL_CAP + 1,
    query: { bool: { filter } },
    sort: CHAT_SEARCH_SORT,
    ignore_unavailable: true,
  });
  const counted = answer.hits.total;
  const total = typeof counted === 'number' ? counted : (counted?.value ?? 0);
  const found = answer.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  // Each hit says whose chat it is: the customer, colleague or group it is with, by name.
  const peerOf = await archivePeersOf(tenantId, found, query);
  return {
    items: found.map((message) => ({
      conversationId: message.conversationId,
      chatKind: message.chatKind,
      peer: peerOf(message),
      msgid: message.msgid,
      msgtype: message.msgtype,
      from: message.from,
      msgtime: message.msgtime,
      segments: highlightSegments(message.content, query.keyword),
    })),
    total: Math.min(total, ARCHIVE_SEARCH_TOTAL_CAP),
    totalCapped: total > ARCHIVE_SEARCH_TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}
