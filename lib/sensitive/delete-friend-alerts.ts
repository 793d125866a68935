import type { CustomerEventRow } from '../customers/customer-writes';
import type { ListSearch } from '../search/list-read-model';
import { loadBehaviorSettings } from './behavior-settings';
import { insertAlertsOnce, type RaisedAlert } from './insert-alerts-once';

/**
 * 删除好友 (R-7.6-03, I-111): a member deleting a customer (trigger: the member) or a customer deleting a
 * member (trigger: the customer), recorded by the customer-events workflow. Counts only for audited staff and
 * a checked party. Keyed by the event's own id, so a redelivered callback or a retried activity adds nothing.
 */
export async function recordDeleteFriendAlerts(
  search: ListSearch,
  tenantId: string,
  events: readonly CustomerEventRow[],
): Promise<RaisedAlert[]> {
  const deletions = events.filter((e) => e.kind === 'deleted_by_staff' || e.kind === 'deleted_by_customer');
  if (deletions.length === 0) return [];
  const settings = await loadBehaviorSettings(tenantId);
  if (!settings.behaviors.includes('delete-friend')) return [];

  const rows = deletions.flatMap((event) => {
    const byStaff = event.kind === 'deleted_by_staff';
    if (!settings.auditedParties.includes(byStaff ? 'staff' : 'customer')) return [];
    if (settings.auditedUserids.length > 0 && !settings.auditedUserids.includes(event.userid)) return [];
    return [
      {
        _id: `${tenantId}:delete-friend:${event._id}`,
        tenantId,
        behavior: 'delete-friend',
        from: byStaff ? event.userid : event.externalUserid,
        senderType: byStaff ? 'staff' : 'external',
        conversationId: `single:${[event.userid, event.externalUserid].sort().join('|')}`,
        staffUserids: [event.userid],
        triggeredAt: event.at,
      },
    ];
  });
  return insertAlertsOnce(search, tenantId, rows);
}
