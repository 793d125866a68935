import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import {
  DEFAULT_GROUP_CODE_COLUMNS,
  GROUP_CODE_COLUMNS,
  type GroupCodeColumnKey,
  type GroupCodeListQuery,
} from '../../../lib/contracts/group-code.contract';
import { dayRange } from '../../../lib/customer-groups/china-days';
import { scanCountsBy } from '../../../lib/group-codes/scan-counts';
import { GroupCodeListColumnsModel } from '../../../lib/models/group-code-list-columns.model';
import { GroupCodeModel, type GroupCode } from '../../../lib/models/group-code.model';
import { escapeRegExp } from '../../../lib/text/escape-reg-exp';
import type { Caller } from '../../auth/caller';
import { groupCodeRow, type GroupCodeLinks } from './group-code-views';

/** Codes not deleted and inside the caller's 数据权限 (by creator, R-0-15). */
export function visibleGroupCodesFilter(tenantId: string, scope: StaffScope) {
  return { tenantId, deletedAt: { $exists: false }, ...staffScopeFilter(scope, 'creator.userid') };
}

/** 群活码列表: fuzzy 名称/活动场景, 活码状态 and 创建时间 filters (I-17), newest first, paginated. */
export async function listGroupCodes(caller: Caller, query: GroupCodeListQuery, { config }: GroupCodeLinks) {
  const { tenantId } = caller;
  const filter: Record<string, unknown> = visibleGroupCodesFilter(tenantId, await caller.scope());
  if (query.keyword) {
    const pattern = new RegExp(escapeRegExp(query.keyword), 'i');
    filter.$or = [{ name: pattern }, { scene: pattern }];
  }
  if (query.status) filter.status = query.status;
  const createdAt = dayRange(query.createdFrom, query.createdTo);
  if (createdAt) filter.createdAt = createdAt;
  const [rows, total] = await Promise.all([
    GroupCodeModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    GroupCodeModel.countDocuments(filter),
  ]);
  const scans = await scanCountsBy(
    tenantId,
    'codeId',
    rows.map((row) => String(row._id)),
  );
  return {
    items: rows.map((row) =>
      groupCodeRow(row as GroupCode, scans.get(String(row._id)) ?? 0, config.publicUrl),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const KNOWN = new Set<string>(GROUP_CODE_COLUMNS.map((column) => column.key));

/** The caller's columns (R-2.1.1-14, I-04), or all of them in the manual's order until they choose. */
export async function groupCodeColumnsOf({ tenantId, staffId }: Caller) {
  const saved = await GroupCodeListColumnsModel.findOne({ tenantId, _id: staffId }).lean();
  const columns = (saved?.columns.filter((key) => KNOWN.has(key)) as GroupCodeColumnKey[] | undefined) ?? [];
  return {
    columns: columns.length ? columns : DEFAULT_GROUP_CODE_COLUMNS,
    available: GROUP_CODE_COLUMNS.map(({ key, label }) => ({ key, label })),
  };
}

export async function saveGroupCodeColumns(caller: Caller, { columns }: { columns: GroupCodeColumnKey[] }) {
  await GroupCodeListColumnsModel.updateOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { $set: { columns } },
    { upsert: true },
  );
  return groupCodeColumnsOf(caller);
}
