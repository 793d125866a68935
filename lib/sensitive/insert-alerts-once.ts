import { insertManyOnce } from '../db/insert-many-once';
import { SensitiveAlertModel } from '../models/sensitive-alert.model';
import { writeListRows, type ListSearch } from '../search/list-read-model';
import { sensitiveAlertReadModel } from '../search/sensitive-alert-index';

/** An alert row, and the chat message (or 删除好友 event) whose one app message lists it (I-110). */
export interface RaisedAlert {
  alertId: string;
  noticeKey: string;
}

/**
 * Inserts alert rows keyed by their idempotency id; rows already stored by an earlier delivery are left as
 * they are (the only failures a bulk insert may then have are duplicate keys). The 敏感行为审核 index follows
 * (durably: a crash before it did leaves the rows marked for the drain).
 */
export async function insertAlertsOnce(
  search: ListSearch,
  tenantId: string,
  rows: readonly { _id: string; msgid?: string }[],
): Promise<RaisedAlert[]> {
  if (rows.length === 0) return [];
  const insert = () => insertManyOnce(SensitiveAlertModel, rows);
  await writeListRows(
    search,
    sensitiveAlertReadModel,
    tenantId,
    rows.map((row) => row._id),
    insert,
  );
  // Every row of the batch, new or not: workflow starts are idempotent by id, so a batch read again after a
  // crash between insert and start still gets its notices and reviews started.
  return rows.map((row) => ({ alertId: row._id, noticeKey: row.msgid || row._id }));
}
