import type { HandoverListQuery } from '../../../lib/contracts/handover.contract';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { HandoverModel } from '../../../lib/models/handover.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { searchHandoverRows } from '../../../lib/search/handover-index';
import type { AppContext } from '../../app-context';
import { NO_PERMISSION_MESSAGE } from '../../auth/authorize';
import type { Caller } from '../../auth/caller';
import { forbidden } from '../../http/app-error';

/** Reading a kind's 分配记录 takes that kind's menu permission: one route serves both menus. */
const VIEW_PERMISSION: Record<HandoverListQuery['kind'], string> = {
  resigned: 'customer.handovers',
  onjob: 'customer.onjob-transfers',
};

interface Progress {
  _id: string;
  finishedAt?: Date | null;
  customers: Array<{ status?: string | null }>;
  groups: Array<{ status?: string | null }>;
}

const FAILED = new Set(['refused', 'limit', 'rejected']);

/**
 * 分配记录: a page of one kind's handovers, newest first, within the caller's 数据权限 (either member), from the
 * read model; where each stands now is read by key for the page's handovers alone.
 */
export async function listHandovers(
  caller: Caller,
  query: HandoverListQuery,
  deps: Pick<AppContext, 'listSearch'>,
) {
  if (!caller.isSuperAdmin && !caller.permissions.has(VIEW_PERMISSION[query.kind]))
    throw forbidden(NO_PERMISSION_MESSAGE, 'NO_PERMISSION');
  const found = await searchHandoverRows(deps.listSearch, caller.tenantId, await caller.scope(), query);
  const progress = new Map(
    (
      await findMatchingAny<Progress>(
        HandoverModel,
        found.rows.map((row) => ({ tenantId: caller.tenantId, _id: row.id })),
        { finishedAt: 1, customers: 1, groups: 1 },
      )
    ).map((handover) => [handover._id, handover]),
  );
  const names = await staffNamesByUserid(
    caller.tenantId,
    found.rows.flatMap((row) => [row.handoverUserid, row.takeoverUserid]),
  );
  return {
    items: found.rows.map((row) => {
      const now = progress.get(row.id);
      const statuses = [...(now?.customers ?? []), ...(now?.groups ?? [])].map((item) => item.status ?? '');
      return {
        ...row,
        handoverName: names.get(row.handoverUserid) ?? row.handoverUserid,
        takeoverName: names.get(row.takeoverUserid) ?? row.takeoverUserid,
        doneCount: statuses.filter((status) => status === 'done').length,
        failedCount: statuses.filter((status) => FAILED.has(status)).length,
        finished: Boolean(now?.finishedAt),
      };
    }),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
