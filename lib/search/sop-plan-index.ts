import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { SopPlanListQuery, SopPlanRow, SopScopeKind } from '../contracts/sop.contract';
import { SopPlanModel } from '../models/sop-plan.model';
import { keyedReadModel, searchListPage, type ListSearch } from './list-read-model';
import { SUBSTRING_FIELD, substringPhrase, substringTokens, type SubstringTokens } from './substring-tokens';

/**
 * SOP计划's list read model (R-8.2-01/02): 计划名称 as exact substrings (搜索关键词), the creator (for the
 * caller's 数据权限) and 创建时间 (newest first), written through writeListRows by every save of a plan; a
 * deleted plan leaves the index.
 */
export const SOP_PLAN_INDEX_VERSION = 1;

export interface SopPlanSource {
  _id: { toString(): string };
  tenantId: string;
  name: string;
  scopeKind: SopScopeKind;
  enabled: boolean;
  tasks?: unknown[] | null;
  creator: { userid?: string | null; name?: string | null };
  createdAt: Date;
  updatedAt: Date;
}

interface SopPlanDocument {
  tenantId: string;
  planId: string;
  name: SubstringTokens;
  creatorUserid: string;
  createdAt: string;
  row: SopPlanRow;
}

const PLAN_FIELDS = {
  tenantId: 1,
  name: 1,
  scopeKind: 1,
  enabled: 1,
  tasks: 1,
  creator: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

/** The list's row of a plan (also what a save answers). */
export function sopPlanRowOf(plan: SopPlanSource): SopPlanRow {
  return {
    id: plan._id.toString(),
    name: plan.name,
    scopeKind: plan.scopeKind,
    enabled: plan.enabled,
    creator: { userid: plan.creator.userid ?? '', name: plan.creator.name ?? '' },
    createdAt: plan.createdAt.toISOString(),
    taskCount: plan.tasks?.length ?? 0,
  };
}

function toSopPlanDocument(plan: SopPlanSource): SopPlanDocument {
  const row = sopPlanRowOf(plan);
  return {
    tenantId: plan.tenantId,
    planId: row.id,
    name: substringTokens(plan.name),
    creatorUserid: row.creator.userid,
    createdAt: row.createdAt,
    row,
  };
}

export const sopPlanReadModel = keyedReadModel<SopPlanSource>({
  kind: 'sop-plans',
  version: SOP_PLAN_INDEX_VERSION,
  sort: { field: ['createdAt', 'planId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    planId: { type: 'keyword' },
    name: SUBSTRING_FIELD,
    creatorUserid: { type: 'keyword' },
    createdAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  rows: SopPlanModel,
  key: '_id',
  filter: { deletedAt: null },
  fields: PLAN_FIELDS,
  versionOf: (plan) => plan.updatedAt.getTime(),
  toDocument: toSopPlanDocument,
});

type Query = estypes.QueryDslQueryContainer;

/**
 * SOP计划 list (R-8.2-01/02): 搜索关键词 fuzzy on 计划名称, newest first, the plans of creators in the caller's
 * 数据权限 (all of them with 全部).
 */
export function searchSopPlanRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: SopPlanListQuery,
): Promise<{ rows: SopPlanRow[]; total: number }> {
  const must: Query[] = [{ term: { tenantId } }];
  if (!scope.all) must.push({ terms: { creatorUserid: scope.userids } });
  if (query.keyword) {
    const { field, phrase } = substringPhrase(query.keyword);
    must.push({ match_phrase: { [`name.${field}`]: { query: phrase, analyzer: 'standard' } } });
  }
  return searchListPage<SopPlanSource, SopPlanRow>(search, sopPlanReadModel, {
    query: { bool: { filter: must } },
    sort: [{ createdAt: { order: 'desc' } }, { planId: { order: 'desc' } }],
    page: query.page,
    pageSize: query.pageSize,
  });
}
