import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { SopScope } from '../contracts/sop.contract';
import { customerGroupReadModel, customerGroupSearchQuery } from '../search/customer-group-index';
import { customerReadModel } from '../search/customer-index';
import { customerSearchQuery } from '../search/customer-search-query';
import { countListRows, type ListReadModel, type ListSearch } from '../search/list-read-model';

type Query = estypes.QueryDslQueryContainer;

/**
 * A plan's audience (执行范围, I-112) as a query on the customer or customer group index, inside the creator's
 * 数据权限 (as a 群发's is): 企微客户 by 添加时间 (China dates, both ends included) AND 标签 any-of, lost
 * customers never in it; 企微客户群 by 群标签 any-of AND 群主 any-of AND 群名称 (substring), dismissed groups
 * never in it. One translation serves 实时计算, the dry run, the engine's scans and its check at fire time.
 */
export function sopAudienceQuery(
  tenantId: string,
  scope: SopScope,
  staffScope: StaffScope,
): { readModel: ListReadModel<unknown>; query: Query } {
  if (scope.kind === 'customers') {
    const { addedBetween, tagIds } = scope.customers;
    return {
      readModel: customerReadModel as ListReadModel<unknown>,
      query: customerSearchQuery(
        tenantId,
        { tagIds, addedFrom: addedBetween?.from, addedTo: addedBetween?.to },
        staffScope,
      ),
    };
  }
  const { groupTagIds, ownerUserids, nameKeyword } = scope.groups;
  return {
    readModel: customerGroupReadModel as ListReadModel<unknown>,
    query: customerGroupSearchQuery(
      tenantId,
      { groupTagId: groupTagIds, ownerUserid: ownerUserids, keyword: nameKeyword || undefined },
      staffScope,
    ),
  };
}

/** 预计当前可触达人数 (R-8.1-04): how many the audience holds now. */
export function countSopAudience(
  search: ListSearch,
  tenantId: string,
  scope: SopScope,
  staffScope: StaffScope,
): Promise<number> {
  const { readModel, query } = sopAudienceQuery(tenantId, scope, staffScope);
  return countListRows(search, readModel, query);
}
