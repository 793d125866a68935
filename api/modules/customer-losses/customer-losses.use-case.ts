import type {
  CustomerLossListQuery,
  CustomerLossView,
  LossAlertSettings,
} from '../../../lib/contracts/customer-losses.contract';
import {
  loadLossAlertSettings,
  saveLossAlertSettings,
} from '../../../lib/customer-losses/loss-alert-settings';
import { searchCustomerLossRows, type CustomerLossRow } from '../../../lib/search/customer-loss-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { recordAudit } from '../audit/record-audit';
import { namesFor } from '../customers/customer-names';

/** Rows as the list shows them: member and tag names as they are now, looked up once for the page. */
export async function lossViews(
  tenantId: string,
  rows: readonly CustomerLossRow[],
): Promise<CustomerLossView[]> {
  const names = await namesFor(
    tenantId,
    rows.map((row) => row.userid),
    rows.flatMap((row) => row.tagIds),
  );
  return rows.map((row) => ({
    id: row.id,
    externalUserid: row.externalUserid,
    customerName: row.customerName,
    userid: row.userid,
    staffName: names.staffName(row.userid),
    kind: row.kind,
    lostAt: row.lostAt,
    tagNames: row.tagIds.flatMap((id) => names.tagName(id) ?? []),
    lastChatAt: row.lastChatAt,
  }));
}

/**
 * 流失客户 (issue 19 item 3): newest first, by member, kind, 流失时间 and tag, within the caller's 数据权限;
 * the page and its count from the read model (lib/search/customer-loss-index.ts).
 */
export async function listCustomerLosses(
  caller: Caller,
  query: CustomerLossListQuery,
  { listSearch }: Pick<AppContext, 'listSearch'>,
) {
  const { tenantId } = caller;
  const { rows, total } = await searchCustomerLossRows(listSearch, tenantId, await caller.scope(), query);
  return { items: await lossViews(tenantId, rows), total, page: query.page, pageSize: query.pageSize };
}

export function getLossAlertSettings(caller: Caller): Promise<LossAlertSettings> {
  return loadLossAlertSettings(caller.tenantId);
}

/** 保存 流失提醒设置; losses recorded from now on follow it, and digests still waiting read it when they send. */
export async function updateLossAlertSettings(
  caller: Caller,
  input: LossAlertSettings,
): Promise<LossAlertSettings> {
  const before = await loadLossAlertSettings(caller.tenantId);
  const after = await saveLossAlertSettings(caller.tenantId, input);
  await recordAudit(caller, {
    action: 'loss-alert-settings.update',
    target: { type: 'loss-alert-settings', id: caller.tenantId, name: '流失提醒设置' },
    before,
    after,
  });
  return after;
}
