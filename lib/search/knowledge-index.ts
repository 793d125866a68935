import type { estypes } from '@elastic/elasticsearch';
import type { KnowledgeItem, KnowledgeKind } from '../contracts/knowledge.contract';
import { KnowledgeItemModel } from '../models/knowledge-item.model';
import { usageCountOf } from '../knowledge/usage-tally';
import { keyedReadModel, searchListPage, withListIndex, type ListSearch } from './list-read-model';
import { SUBSTRING_FIELD, substringPhrase, substringTokens } from './substring-tokens';

/**
 * The 知识库 lists' read model (R-4.1.1-08/09, issue 15 item 6): one document per item of any kind, with its
 * category, its searchable texts as exact substrings (问题名称 and each 相似问 / 常用语内容 / 链接名称), 最近更新时间
 * and 使用次数, so a list of 10,000 items pages, searches and sorts in the index alone.
 */
export const KNOWLEDGE_INDEX_VERSION = 1;

export interface KnowledgeItemSource {
  _id: { toString(): string };
  tenantId: string;
  kind: KnowledgeKind;
  categoryId: string;
  question?: string | null;
  similar?: string[] | null;
  answer?: string | null;
  content?: string | null;
  name?: string | null;
  url?: string | null;
  title?: string | null;
  description?: string | null;
  coverUrl?: string | null;
  updatedAt: Date;
  usageCount: number;
}

const ITEM_FIELDS = {
  tenantId: 1,
  kind: 1,
  categoryId: 1,
  question: 1,
  similar: 1,
  answer: 1,
  content: 1,
  name: 1,
  url: 1,
  title: 1,
  description: 1,
  coverUrl: 1,
  updatedAt: 1,
} as const;

/** The item as the lists and the side panel show it; the category's name is the tree's, filled in when read. */
export function knowledgeItemView(item: KnowledgeItemSource, categoryName = ''): KnowledgeItem {
  const common = {
    id: item._id.toString(),
    categoryId: item.categoryId,
    categoryName,
    usageCount: item.usageCount,
    updatedAt: item.updatedAt.toISOString(),
  };
  switch (item.kind) {
    case 'scripts':
      return {
        kind: 'scripts',
        question: item.question ?? '',
        similar: item.similar ?? [],
        answer: item.answer ?? '',
        ...common,
      };
    case 'phrases':
      return { kind: 'phrases', content: item.content ?? '', ...common };
    case 'links':
      return {
        kind: 'links',
        name: item.name ?? '',
        url: item.url ?? '',
        title: item.title ?? '',
        description: item.description ?? '',
        coverUrl: item.coverUrl ?? '',
        ...common,
      };
  }
}

/** What the keyword matches (each text on its own: a substring never spans two 相似问). */
function searchTexts(item: KnowledgeItemSource): string[] {
  if (item.kind === 'scripts') return [item.question ?? '', ...(item.similar ?? [])];
  if (item.kind === 'phrases') return [item.content ?? ''];
  return [item.name ?? ''];
}

/** Counts in flight at once while a batch is read. */
const COUNTS_IN_FLIGHT = 16;

/** Items with their 使用次数 (0 until first used). */
async function withUsageCounts(
  items: ReadonlyArray<Omit<KnowledgeItemSource, 'usageCount'>>,
): Promise<KnowledgeItemSource[]> {
  const counted: KnowledgeItemSource[] = [];
  for (let start = 0; start < items.length; start += COUNTS_IN_FLIGHT) {
    const slice = items.slice(start, start + COUNTS_IN_FLIGHT);
    const counts = await Promise.all(slice.map((item) => usageCountOf(item.tenantId, item._id.toString())));
    slice.forEach((item, at) => counted.push({ ...item, usageCount: counts[at] }));
  }
  return counted;
}

export const knowledgeReadModel = keyedReadModel<
  Omit<KnowledgeItemSource, 'usageCount'>,
  KnowledgeItemSource
>({
  kind: 'knowledge-items',
  version: KNOWLEDGE_INDEX_VERSION,
  sort: { field: ['updatedAt', 'itemId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    itemId: { type: 'keyword' },
    kind: { type: 'keyword' },
    categoryId: { type: 'keyword' },
    text: SUBSTRING_FIELD,
    updatedAt: { type: 'date' },
    usageCount: { type: 'long' },
    row: { type: 'object', enabled: false },
  },
  rows: KnowledgeItemModel,
  key: '_id',
  fields: ITEM_FIELDS,
  complete: withUsageCounts,
  // An edit moves updatedAt on, a use the count: either makes a newer copy.
  versionOf: (item) => item.updatedAt.getTime() + item.usageCount,
  toDocument: (item) => ({
    tenantId: item.tenantId,
    itemId: item._id.toString(),
    kind: item.kind,
    categoryId: item.categoryId,
    text: searchTexts(item).map(substringTokens),
    updatedAt: item.updatedAt.toISOString(),
    usageCount: item.usageCount,
    row: knowledgeItemView(item),
  }),
});

type Query = estypes.QueryDslQueryContainer;

export interface KnowledgeSearch {
  kind?: KnowledgeKind;
  /** The selected category and its descendants; absent: the whole library. */
  categoryIds?: readonly string[];
  keyword?: string;
  sort: 'updatedAt' | 'usageCount';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function knowledgeQuery(
  tenantId: string,
  search: Omit<KnowledgeSearch, 'sort' | 'order' | 'page' | 'pageSize'>,
) {
  const filter: Query[] = [{ term: { tenantId } }];
  if (search.kind) filter.push({ term: { kind: search.kind } });
  if (search.categoryIds) filter.push({ terms: { categoryId: [...search.categoryIds] } });
  if (search.keyword) {
    const { field, phrase } = substringPhrase(search.keyword);
    filter.push({ match_phrase: { [`text.${field}`]: { query: phrase, analyzer: 'standard' } } });
  }
  return { bool: { filter } };
}

/** A page of items (without their category names), as the list or the side panel asks. */
export function searchKnowledgeRows(
  listSearch: ListSearch,
  tenantId: string,
  search: KnowledgeSearch,
): Promise<{ rows: KnowledgeItem[]; total: number }> {
  const tiebreak: estypes.Sort = [{ updatedAt: { order: 'desc' } }, { itemId: { order: 'desc' } }];
  const sort: estypes.Sort =
    search.sort === 'usageCount'
      ? [{ usageCount: { order: search.order } }, ...tiebreak]
      : [{ updatedAt: { order: search.order } }, { itemId: { order: search.order } }];
  return searchListPage<KnowledgeItemSource, KnowledgeItem>(listSearch, knowledgeReadModel, {
    query: knowledgeQuery(tenantId, search),
    sort,
    page: search.page,
    pageSize: search.pageSize,
  });
}

/** Items directly in each category of a kind's tree (the list header adds the descendants'). */
export async function knowledgeCountsByCategory(
  listSearch: ListSearch,
  tenantId: string,
  kind: KnowledgeKind,
  categories: number,
): Promise<Record<string, number>> {
  const result = await withListIndex(listSearch, knowledgeReadModel, (names) =>
    listSearch.es.search({
      index: names.alias,
      size: 0,
      query: knowledgeQuery(tenantId, { kind }),
      aggs: { categories: { terms: { field: 'categoryId', size: Math.max(1, categories) } } },
    }),
  );
  const buckets =
    (result.aggregations?.categories as { buckets: Array<{ key: string; doc_count: number }> } | undefined)
      ?.buckets ?? [];
  return Object.fromEntries(buckets.map((bucket) => [bucket.key, bucket.doc_count]));
}
