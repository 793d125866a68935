import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { HandoverKind } from '../contracts/handover.contract';
import { HandoverModel } from '../models/handover.model';
import { keyedReadModel, searchListPage, type ListSearch } from './list-read-model';

/**
 * The 分配记录 read model (issue 19): one document per handover with what never changes after 分配 (kind, the two
 * members, how many customers and groups, when), newest first. Where each stands (finished, taken over) changes
 * with the handover's workflow and is read by key for the page shown, so only 分配 writes the index.
 */
export const HANDOVER_INDEX_VERSION = 1;

export interface HandoverSource {
  _id: string;
  tenantId: string;
  kind: HandoverKind;
  handoverUserid: string;
  takeoverUserid: string;
  customers: Array<{ externalUserid: string }>;
  groups: Array<{ chatId: string }>;
  createdAt: Date;
}

/** The row as the index stores it. */
export interface HandoverRecordRow {
  id: string;
  kind: HandoverKind;
  handoverUserid: string;
  takeoverUserid: string;
  customerCount: number;
  groupCount: number;
  createdAt: string;
}

export const handoverReadModel = keyedReadModel<HandoverSource>({
  kind: 'handovers',
  version: HANDOVER_INDEX_VERSION,
  sort: { field: ['createdAt', 'handoverId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    handoverId: { type: 'keyword' },
    kind: { type: 'keyword' },
    handoverUserid: { type: 'keyword' },
    takeoverUserid: { type: 'keyword' },
    createdAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  rows: HandoverModel,
  key: '_id',
  fields: {
    tenantId: 1,
    kind: 1,
    handoverUserid: 1,
    takeoverUserid: 1,
    customers: 1,
    groups: 1,
    createdAt: 1,
  },
  // What is indexed never changes after 分配.
  versionOf: (handover) => handover.createdAt.getTime(),
  toDocument: (handover) => {
    const row: HandoverRecordRow = {
      id: handover._id,
      kind: handover.kind,
      handoverUserid: handover.handoverUserid,
      takeoverUserid: handover.takeoverUserid,
      customerCount: handover.customers.length,
      groupCount: handover.groups.length,
      createdAt: handover.createdAt.toISOString(),
    };
    return {
      tenantId: handover.tenantId,
      handoverId: handover._id,
      kind: handover.kind,
      handoverUserid: handover.handoverUserid,
      takeoverUserid: handover.takeoverUserid,
      createdAt: row.createdAt,
      row,
    };
  },
});

type Query = estypes.QueryDslQueryContainer;

/** One kind's handovers inside the caller's 数据权限: either member in scope. */
export function handoverSearchQuery(tenantId: string, scope: StaffScope, kind: HandoverKind): Query {
  const filter: Query[] = [{ term: { tenantId } }, { term: { kind } }];
  if (!scope.all)
    filter.push({
      bool: {
        should: [{ terms: { handoverUserid: scope.userids } }, { terms: { takeoverUserid: scope.userids } }],
        minimum_should_match: 1,
      },
    });
  return { bool: { filter } };
}

export function searchHandoverRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: { kind: HandoverKind; page: number; pageSize: number },
): Promise<{ rows: HandoverRecordRow[]; total: number }> {
  return searchListPage<HandoverSource, HandoverRecordRow>(search, handoverReadModel, {
    query: handoverSearchQuery(tenantId, scope, query.kind),
    sort: [{ createdAt: { order: 'desc' } }, { handoverId: { order: 'desc' } }],
    page: query.page,
    pageSize: query.pageSize,
  });
}
