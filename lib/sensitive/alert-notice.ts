import { chinaMinuteLabel } from '../contact-records/reminder-message';
import type { SensitiveBehaviorSettingsView } from '../contracts/sensitive-behavior-settings.contract';
import type { SensitiveBehavior } from '../models/sensitive-behavior-settings.model';

const BEHAVIOR_LABELS: Record<SensitiveBehavior, string> = {
  redpacket: '发红包',
  card: '发名片',
  'sensitive-message': '敏感消息',
  'delete-friend': '删除好友',
};

export interface AlertForNotice {
  behavior: string;
  from: string;
  senderType: string;
  staffUserids: string[];
  roomid: string;
  triggeredAt: Date;
  ruleName?: string | null;
  words: string[];
}

/**
 * Who hears about an alert (R-7.6-07): the group's owner when the chat is a group, the trigger person (a
 * member) or, when a customer triggered it, the members of the conversation (the customer's followers there),
 * and the chosen staff. Each userid once: one message per recipient per alert.
 */
export function alertRecipients(
  settings: SensitiveBehaviorSettingsView,
  alert: AlertForNotice,
  groupOwner: string | undefined,
): string[] {
  const recipients = new Set<string>();
  if (settings.notifyGroupOwner && groupOwner) recipients.add(groupOwner);
  if (settings.notifyTrigger) {
    if (alert.senderType === 'staff') recipients.add(alert.from);
    else alert.staffUserids.forEach((userid) => recipients.add(userid));
  }
  settings.notifyUserids.forEach((userid) => recipients.add(userid));
  return [...recipients];
}

/** The app message's text: what happened, who, when, and where to review it. */
export function alertNoticeText(alert: AlertForNotice, triggerName: string, reviewUrl: string): string {
  const label = BEHAVIOR_LABELS[alert.behavior as SensitiveBehavior] ?? alert.behavior;
  const rule = alert.ruleName ? `\n命中规则：${alert.ruleName}（${alert.words.join('、')}）` : '';
  return (
    `敏感行为预警：${label}\n触发人：${triggerName}\n触发时间：${chinaMinuteLabel(alert.triggeredAt)}` +
    `${rule}\n请前往管理后台审核：${reviewUrl}`
  );
}
