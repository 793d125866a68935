import type { ListSearch } from '../search/list-read-model';
import type { RaisedAlert } from '../sensitive/insert-alerts-once';
import { recordSensitiveAlerts } from '../sensitive/record-sensitive-alerts';
import type { ChatMessageRecord } from './chat-message-record';

/**
 * The seam where sensitive-word and sensitive-behaviour matching (R-5.2/5.3, R-7.6-04) plugs into the ingest:
 * called once per batch, after the batch is in MongoDB and Elasticsearch and before its seq is saved. A batch
 * read again after a crash comes here again with the same messages, so whatever plugs in must be idempotent
 * by msgid (alert rows are keyed by msgid and rule or behaviour). Returns the batch's alerts, whose notice and
 * review workflows the caller starts (idempotently, by id).
 */
export async function onMessagesIngested(
  search: ListSearch,
  tenantId: string,
  messages: readonly ChatMessageRecord[],
): Promise<RaisedAlert[]> {
  return recordSensitiveAlerts(search, tenantId, messages);
}
