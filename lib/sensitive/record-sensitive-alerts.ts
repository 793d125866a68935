import type { ChatMessageRecord } from '../archive/chat-message-record';
import { SensitiveAlertModel } from '../models/sensitive-alert.model';
import { SensitiveRuleModel } from '../models/sensitive-rule.model';
import type { ListSearch } from '../search/list-read-model';
import { loadBehaviorSettings } from './behavior-settings';
import { insertAlertsOnce, type RaisedAlert } from './insert-alerts-once';
import { detectAlerts } from './detect-behaviors';
import { tenantMatcher } from './tenant-matcher';

/**
 * Detects an ingested batch's sensitive behaviours and stores one alert row each (R-7.6-04, R-5.2-01).
 * Idempotent by msgid: rows are keyed by msgid and rule (or behaviour), and 命中次数 is recounted from the
 * rows rather than incremented, so a batch read again after a crash changes nothing.
 */
export async function recordSensitiveAlerts(
  search: ListSearch,
  tenantId: string,
  messages: readonly ChatMessageRecord[],
): Promise<RaisedAlert[]> {
  const settings = await loadBehaviorSettings(tenantId);
  if (settings.behaviors.length === 0) return [];
  const rows = detectAlerts(tenantId, settings, await tenantMatcher(tenantId), messages);
  if (rows.length === 0) return [];

  const raised = await insertAlertsOnce(search, tenantId, rows);
  const ruleIds = rows.map((row) => row.ruleId).filter((id): id is string => Boolean(id));
  await recountHits(tenantId, [...new Set(ruleIds)]);
  return raised;
}

/** 命中次数 = the rule's alert rows (I-79); a set, not an $inc, so re-delivery cannot count twice. */
async function recountHits(tenantId: string, ruleIds: string[]): Promise<void> {
  for (const ruleId of ruleIds) {
    const hitCount = await SensitiveAlertModel.countDocuments({ tenantId, ruleId });
    await SensitiveRuleModel.updateOne({ tenantId, _id: ruleId }, { $set: { hitCount } });
  }
}
