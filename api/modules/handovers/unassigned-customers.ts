import { loadCredentials } from '../../../lib/wecom/binding-store';
import { createTransferApi, type UnassignedCustomer } from '../../../lib/wecom/transfer-api';
import type { AppContext } from '../../app-context';

/** How many unassigned customers one listing reads from WeCom at most (get_unassigned_list pages of 1,000). */
const UNASSIGNED_READ_MAX = 10_000;

/**
 * Every resigned member's customer waiting for a successor, as WeCom lists them now. WeCom is the only source
 * of who resigned when, and the list is short-lived (it empties as customers are handed over), so it is read
 * live rather than kept in a read model.
 */
export async function unassignedCustomers(
  tenantId: string,
  deps: Pick<AppContext, 'wecom'>,
): Promise<UnassignedCustomer[]> {
  const api = createTransferApi(deps.wecom);
  const credentials = await loadCredentials(tenantId, 'externalContact');
  const rows: UnassignedCustomer[] = [];
  let cursor = '';
  do {
    const page = await api.unassignedPage(credentials, cursor);
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor && rows.length < UNASSIGNED_READ_MAX);
  return rows;
}
