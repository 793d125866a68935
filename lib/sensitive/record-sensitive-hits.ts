import type { ChatMessageRecord } from '../archive/chat-message-record';
import { SensitiveHitModel } from '../models/sensitive-hit.model';
import { SensitiveRuleModel } from '../models/sensitive-rule.model';
import { tenantMatcher } from './tenant-matcher';

const DUPLICATE_KEY = 11000;

export const sensitiveHitId = (tenantId: string, msgid: string, ruleId: string) =>
  `${tenantId}:${msgid}:${ruleId}`;

/**
 * Matches an ingested batch against the tenant's enabled rules (R-5.2-01) and stores one hit row per message
 * and rule. Idempotent by msgid: rows are keyed by msgid and rule, and 命中次数 is recounted from the rows
 * rather than incremented, so a batch read again after a crash changes nothing.
 * Recalled messages (msgtype revoke) carry no text of their own and are not matched.
 */
export async function recordSensitiveHits(
  tenantId: string,
  messages: readonly ChatMessageRecord[],
): Promise<{ hits: number }> {
  const { matcher, rules } = await tenantMatcher(tenantId);
  if (matcher.size === 0) return { hits: 0 };

  const rows = messages.flatMap((message) => {
    if (message.action !== 'send' || !message.content) return [];
    return [...matcher.match(message.content)].map(([ruleId, words]) => {
      const rule = rules.get(ruleId)!;
      return {
        _id: sensitiveHitId(tenantId, message.msgid, ruleId),
        tenantId,
        msgid: message.msgid,
        ruleId,
        ruleName: rule.name,
        sentiment: rule.sentiment,
        words,
        from: message.from,
        senderType: message.senderType,
        conversationId: message.conversationId,
        roomid: message.roomid,
        msgtime: message.msgtime,
        content: message.content,
      };
    });
  });
  if (rows.length === 0) return { hits: 0 };

  await SensitiveHitModel.insertMany(rows, { ordered: false }).catch(ignoreDuplicates);
  await recountHits(tenantId, [...new Set(rows.map((row) => row.ruleId))]);
  return { hits: rows.length };
}

/** 命中次数 = the rule's hit rows (I-79); a set, not an $inc, so re-delivery cannot count twice. */
async function recountHits(tenantId: string, ruleIds: string[]): Promise<void> {
  for (const ruleId of ruleIds) {
    const hitCount = await SensitiveHitModel.countDocuments({ tenantId, ruleId });
    await SensitiveRuleModel.updateOne({ tenantId, _id: ruleId }, { $set: { hitCount } });
  }
}

/** A bulk insert whose only failures are rows stored by an earlier delivery of the same batch. */
function ignoreDuplicates(error: unknown): void {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> })
    .writeErrors;
  const duplicatesOnly =
    (Array.isArray(writeErrors) &&
      writeErrors.length > 0 &&
      writeErrors.every((e) => (e.code ?? e.err?.code) === DUPLICATE_KEY)) ||
    (error as { code?: number }).code === DUPLICATE_KEY;
  if (!duplicatesOnly) throw error;
}
