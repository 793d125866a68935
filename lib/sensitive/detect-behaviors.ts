import type { ChatMessageRecord } from '../archive/chat-message-record';
import type { SensitiveBehaviorSettingsView } from '../contracts/sensitive-behavior-settings.contract';
import type { SensitiveBehavior } from '../models/sensitive-behavior-settings.model';
import type { TenantMatcher } from './tenant-matcher';

export interface DetectedAlert {
  _id: string;
  tenantId: string;
  behavior: SensitiveBehavior;
  msgid: string;
  ruleId?: string;
  ruleName?: string;
  sentiment?: string;
  words: string[];
  from: string;
  senderType: 'staff' | 'external';
  conversationId: string;
  staffUserids: string[];
  roomid: string;
  triggeredAt: Date;
  content: string;
}

/** Red packets come as redpacket or external_redpacket (API.md §15.3); a 名片 as card. */
const MESSAGE_BEHAVIORS: Record<string, SensitiveBehavior> = {
  redpacket: 'redpacket',
  external_redpacket: 'redpacket',
  card: 'card',
};

/**
 * Whether a message is audited (R-7.6-05/06/09): chats between two members are not; the sender's party must
 * be checked; and a member of the conversation must be among 被审计员工 (an empty choice audits everyone).
 */
export function isAudited(settings: SensitiveBehaviorSettingsView, message: ChatMessageRecord): boolean {
  if (message.chatKind === 'internal') return false;
  const party = message.senderType === 'staff' ? 'staff' : 'customer';
  if (!settings.auditedParties.includes(party)) return false;
  if (settings.auditedUserids.length === 0) return true;
  return message.staffUserids.some((userid) => settings.auditedUserids.includes(userid));
}

/**
 * The alerts of a batch (R-7.6-04): pure, so every rule of detection is unit-tested. Rules are matched only
 * when 敏感消息 is watched (R-5.2-01); recalled messages carry no content of their own and are skipped.
 */
export function detectAlerts(
  tenantId: string,
  settings: SensitiveBehaviorSettingsView,
  rules: TenantMatcher,
  messages: readonly ChatMessageRecord[],
): DetectedAlert[] {
  const watched = new Set(settings.behaviors);
  return messages.flatMap((message) => {
    if (message.action !== 'send' || !isAudited(settings, message)) return [];
    const base = {
      tenantId,
      msgid: message.msgid,
      from: message.from,
      senderType: message.senderType,
      conversationId: message.conversationId,
      staffUserids: message.staffUserids,
      roomid: message.roomid,
      triggeredAt: message.msgtime,
      content: message.content,
      words: [] as string[],
    };
    const alerts: DetectedAlert[] = [];
    const kind = MESSAGE_BEHAVIORS[message.msgtype];
    if (kind && watched.has(kind)) {
      alerts.push({ ...base, _id: `${tenantId}:${message.msgid}:${kind}`, behavior: kind });
    }
    if (watched.has('sensitive-message') && message.content && rules.matcher.size > 0) {
      for (const [ruleId, words] of rules.matcher.match(message.content)) {
        const rule = rules.rules.get(ruleId)!;
        alerts.push({
          ...base,
          _id: `${tenantId}:${message.msgid}:${ruleId}`,
          behavior: 'sensitive-message',
          ruleId,
          ruleName: rule.name,
          sentiment: rule.sentiment,
          words,
        });
      }
    }
    return alerts;
  });
}
