import { staffScopeFilter, type StaffScope } from '../access/data-scope';
import type { CustomerFilter } from '../contracts/customer.contract';
import { dayRange } from '../customer-groups/china-days';

/**
 * What a 客户列表 filter (R-3.1.1-01/02, I-37) means, as a MongoDB filter over the system of record, inside the
 * caller's 数据权限 (I-104: any 添加人 in scope). Lost customers (no remaining adder) are not listed. The list is
 * served by the search index (lib/search/customer-search-query.ts); this is the reference it must agree with,
 * checked by running both (test/integration/customer-search.test.ts).
 */
export function customerListFilter(
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
): Record<string, unknown> {
  const conditions: Record<string, unknown>[] = [];
  const mongo: Record<string, unknown> = {
    tenantId,
    active: true,
    ...staffScopeFilter(scope, 'adderUserids'),
  };

  if (filter.keyword) {
    const pattern = fuzzy(filter.keyword);
    conditions.push({ $or: [{ name: pattern }, { phones: pattern }] });
  }
  if (filter.corpName) {
    const pattern = fuzzy(filter.corpName);
    conditions.push({
      $or: [{ corpName: pattern }, { corpFullName: pattern }, { 'profile.corpName': pattern }],
    });
  }
  if (filter.adderUserids?.length) {
    // Both conditions hold when the caller is scoped: an adder in scope, and an adder among the chosen.
    conditions.push({ adderUserids: { $in: filter.adderUserids } });
  }
  if (filter.ownerUserids?.length) mongo.ownerUserid = { $in: filter.ownerUserids };
  const added = dayRange(filter.addedFrom, filter.addedTo);
  if (added) mongo.firstAddedAt = added;
  const contacted = dayRange(filter.lastContactFrom, filter.lastContactTo);
  if (contacted) mongo.lastContactAt = contacted;
  if (filter.source) mongo['profile.source'] = filter.source;
  if (filter.tagIds?.length) {
    mongo.tagIds = filter.tagMatch === 'all' ? { $all: filter.tagIds } : { $in: filter.tagIds };
  }
  if (filter.type) mongo.type = filter.type;
  if (conditions.length) mongo.$and = conditions;
  return mongo;
}

/** The list's order (R-3.1.1-06): 添加时间 newest first, the id breaking ties so paging is stable. */
export const CUSTOMER_LIST_SORT = { firstAddedAt: -1, _id: -1 } as const;

function fuzzy(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
