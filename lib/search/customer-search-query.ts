import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { CustomerFilter } from '../contracts/customer.contract';
import { esDayRange } from './es-day-range';
import { substringPhrase } from './substring-tokens';

type Query = estypes.QueryDslQueryContainer;

/**
 * The 客户列表 filter (R-3.1.1-01/02, I-37) inside the caller's 数据权限 (I-104: any 添加人 in scope) as an
 * Elasticsearch query: the list, its count, 全选 tagging and the benchmark all use this one translation. It
 * means exactly what customerListFilter means on MongoDB (test/integration/customer-search-equivalence.test.ts
 * runs both). The tenant is always the first filter; lost customers (no remaining adder) are not listed.
 */
export function customerSearchQuery(
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
): Query {
  const must: Query[] = [{ term: { tenantId } }, { term: { active: true } }];
  if (!scope.all) must.push({ terms: { adderUserids: scope.userids } });
  if (filter.keyword) {
    must.push(anyOf([substring('name', filter.keyword), substring('phones', filter.keyword)]));
  }
  if (filter.corpName) must.push(substring('corp', filter.corpName));
  // Both hold when the caller is scoped: an adder in scope, and an adder among the chosen.
  if (filter.adderUserids?.length) must.push({ terms: { adderUserids: filter.adderUserids } });
  if (filter.ownerUserids?.length) must.push({ terms: { ownerUserid: filter.ownerUserids } });
  const added = esDayRange('firstAddedAt', filter.addedFrom, filter.addedTo);
  if (added) must.push(added);
  const contacted = esDayRange('lastContactAt', filter.lastContactFrom, filter.lastContactTo);
  if (contacted) must.push(contacted);
  if (filter.source) must.push({ term: { source: filter.source } });
  if (filter.tagIds?.length) {
    if (filter.tagMatch === 'all') must.push(...filter.tagIds.map((tagId) => ({ term: { tagIds: tagId } })));
    else must.push({ terms: { tagIds: filter.tagIds } });
  }
  if (filter.type) must.push({ term: { type: filter.type } });
  return { bool: { filter: must } };
}

/** The list's order (R-3.1.1-06), as CUSTOMER_LIST_SORT: 添加时间 newest first, the id breaking ties. */
export const CUSTOMER_SEARCH_SORT: estypes.Sort = [
  { firstAddedAt: { order: 'desc', missing: '_last' } },
  { mongoId: { order: 'desc' } },
];

function substring(field: 'name' | 'phones' | 'corp', text: string): Query {
  const { field: tokens, phrase } = substringPhrase(text);
  return { match_phrase: { [`${field}.${tokens}`]: { query: phrase, analyzer: 'standard' } } };
}

function anyOf(queries: Query[]): Query {
  return { bool: { should: queries, minimum_should_match: 1 } };
}
