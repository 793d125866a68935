import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { SopDetailQuery } from '../contracts/sop.contract';
import { SopTargetModel } from '../models/sop-target.model';
import { keyedReadModel, searchListPage, type ListSearch } from './list-read-model';

/**
 * 客户接收明细's read model (R-8.2-09): one document per member of a to-do, so that a task node's rows page
 * and filter by 发送员工 from the index, however many members the plan reaches. Written through writeListRows
 * by the engine when a reminder fires (insert) and when the member's 待办 is completed (已接收).
 */
export const SOP_TARGET_INDEX_VERSION = 1;

export interface SopTargetSource {
  _id: string;
  tenantId: string;
  planId: string;
  taskId: string;
  todoId: string;
  memberId: string;
  memberName?: string | null;
  assigneeUserid: string;
  sentAt: Date;
  received?: boolean | null;
  receivedAt?: Date | null;
  updatedAt: Date;
}

export interface StoredSopTargetRow {
  memberId: string;
  memberName: string;
  assigneeUserid: string;
  sentAt: string;
  received: boolean;
  receivedAt: string | null;
}

const TARGET_FIELDS = {
  tenantId: 1,
  planId: 1,
  taskId: 1,
  todoId: 1,
  memberId: 1,
  memberName: 1,
  assigneeUserid: 1,
  sentAt: 1,
  received: 1,
  receivedAt: 1,
  updatedAt: 1,
} as const;

export const sopTargetReadModel = keyedReadModel<SopTargetSource>({
  kind: 'sop-targets',
  version: SOP_TARGET_INDEX_VERSION,
  sort: { field: ['sentAt', 'targetId'], order: ['desc', 'asc'] },
  properties: {
    tenantId: { type: 'keyword' },
    planId: { type: 'keyword' },
    taskId: { type: 'keyword' },
    targetId: { type: 'keyword' },
    assigneeUserid: { type: 'keyword' },
    received: { type: 'boolean' },
    sentAt: { type: 'date' },
    row: { type: 'object', enabled: false },
  },
  rows: SopTargetModel,
  key: '_id',
  fields: TARGET_FIELDS,
  versionOf: (target) => target.updatedAt.getTime(),
  toDocument: (target) => ({
    tenantId: target.tenantId,
    planId: target.planId,
    taskId: target.taskId,
    targetId: target._id,
    assigneeUserid: target.assigneeUserid,
    received: target.received ?? false,
    sentAt: target.sentAt.toISOString(),
    row: {
      memberId: target.memberId,
      memberName: target.memberName ?? '',
      assigneeUserid: target.assigneeUserid,
      sentAt: target.sentAt.toISOString(),
      received: target.received ?? false,
      receivedAt: target.receivedAt?.toISOString() ?? null,
    } satisfies StoredSopTargetRow,
  }),
});

type Query = estypes.QueryDslQueryContainer;

/**
 * 客户接收明细 of one task node, newest reminders first, optionally one 发送员工's, of the 发送员工 in the
 * caller's 数据权限.
 */
export function searchSopTargetRows(
  search: ListSearch,
  tenantId: string,
  planId: string,
  query: SopDetailQuery,
  scope: StaffScope,
): Promise<{ rows: StoredSopTargetRow[]; total: number }> {
  const must: Query[] = [{ term: { tenantId } }, { term: { planId } }, { term: { taskId: query.taskId } }];
  if (query.staffUserid) must.push({ term: { assigneeUserid: query.staffUserid } });
  if (!scope.all) must.push({ terms: { assigneeUserid: scope.userids } });
  return searchListPage<SopTargetSource, StoredSopTargetRow>(search, sopTargetReadModel, {
    query: { bool: { filter: must } },
    sort: [{ sentAt: { order: 'desc' } }, { targetId: { order: 'asc' } }],
    page: query.page,
    pageSize: query.pageSize,
  });
}
