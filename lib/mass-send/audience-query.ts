import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { CustomerAudience, GroupAudience } from '../contracts/mass-send.contract';
import { customerGroupSearchQuery } from '../search/customer-group-index';
import { customerSearchQuery } from '../search/customer-search-query';

type Query = estypes.QueryDslQueryContainer;

/**
 * 发送给客户's audience (I-62) as a customer index query, inside the creator's 数据权限: 全部客户, or 添加人 any-of
 * AND 标签 any-of; anyone carrying an excluded tag is removed. Lost customers (no adder left) are never in it.
 */
export function customerAudienceQuery(
  tenantId: string,
  audience: CustomerAudience,
  scope: StaffScope,
): Query {
  let filter = {};
  if (audience.mode === 'filter') {
    const adderUserids = sendersOf(audience.adderUserids, scope);
    // Adders were chosen, but none the creator may send as: no one can be sent to.
    if (audience.adderUserids.length > 0 && adderUserids.length === 0) return { match_none: {} };
    filter = { adderUserids, tagIds: audience.tagIds };
  }
  const base = customerSearchQuery(tenantId, filter, scope);
  if (audience.excludeTagIds.length === 0) return base;
  return { bool: { filter: [base], must_not: [{ terms: { tagIds: audience.excludeTagIds } }] } };
}

/**
 * The chosen 添加人 who may send in the creator's 数据权限: a customer must have an adder who is both, or
 * no one could send to them (chooseSender), so neither the count nor the preview may include them.
 */
function sendersOf(chosen: readonly string[], scope: StaffScope): string[] {
  if (scope.all) return [...chosen];
  const inScope = new Set(scope.userids);
  return chosen.filter((userid) => inScope.has(userid));
}

/** 发送给客户群's audience (I-64) as a customer group index query: the chosen 群主's live groups, by 群标签. */
export function groupAudienceQuery(tenantId: string, audience: GroupAudience, scope: StaffScope): Query {
  return customerGroupSearchQuery(
    tenantId,
    { ownerUserid: audience.ownerUserids, groupTagId: audience.groupTagIds },
    scope,
  );
}

/**
 * Who sends to a customer with several adders, so that they get it once (I-65): their 跟进人 when that member
 * may send it (among the chosen 添加人, and in the creator's 数据权限), else the first such adder (adders are
 * kept oldest first). Null when no adder may (the customer is then not in the audience at all).
 */
export function chooseSender(
  customer: { ownerUserid?: string | null; adderUserids: readonly string[] },
  chosenAdders: readonly string[],
  scope: StaffScope,
): string | null {
  const chosen = chosenAdders.length > 0 ? new Set(chosenAdders) : null;
  const inScope = scope.all ? null : new Set(scope.userids);
  const may = (userid: string) => (!chosen || chosen.has(userid)) && (!inScope || inScope.has(userid));
  const owner = customer.ownerUserid;
  if (owner && customer.adderUserids.includes(owner) && may(owner)) return owner;
  return customer.adderUserids.find(may) ?? null;
}
