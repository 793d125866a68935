import type { Client, estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../../../lib/access/data-scope';
import { HIT_END, HIT_START, highlightSegments } from '../../../lib/archive/highlight-segments';
import type { ArchiveSearchPage, ArchiveSearchQuery } from '../../../lib/contracts/archive.contract';
import { archiveSubjectFilter, messageConditionsFilter } from './archive-subject';

interface IndexedMessage {
  msgid: string;
  msgtype: string;
  from: string;
  chatKind: 'internal' | 'external' | 'group';
  conversationId: string;
  msgtime: string;
  content: string;
}

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
 * optionally of a 消息类型 in a 聊天时间 range (I-52): messages whose text contains the keyword
 * — match_phrase over one token per Han character is an exact substring match — newest first, with the hits
 * marked. Always filtered by tenant and by the conversations the caller may see.
 */
export async function searchArchiveMessages(
  es: Client,
  index: string,
  tenantId: string,
  scope: StaffScope,
  query: ArchiveSearchQuery,
): Promise<ArchiveSearchPage> {
  const filter: estypes.QueryDslQueryContainer[] = [
    { term: { tenantId } },
    ...termFilters(archiveSubjectFilter(scope, query)),
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
    track_total_hits: true,
    query: { bool: { filter, must: [{ match_phrase: { content: query.keyword } }] } },
    sort: [{ msgtime: 'desc' }, { msgid: 'desc' }],
    highlight: {
      fields: { content: { number_of_fragments: 0 } },
      pre_tags: [HIT_START],
      post_tags: [HIT_END],
    },
    ignore_unavailable: true,
  });
  const total = answer.hits.total;
  return {
    items: answer.hits.hits.flatMap((hit) => {
      const message = hit._source;
      if (!message) return [];
      const marked = hit.highlight?.content?.[0] ?? message.content;
      return [
        {
          conversationId: message.conversationId,
          chatKind: message.chatKind,
          msgid: message.msgid,
          msgtype: message.msgtype,
          from: message.from,
          msgtime: message.msgtime,
          segments: highlightSegments(marked),
        },
      ];
    }),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
