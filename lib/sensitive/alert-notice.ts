import { chinaMinuteLabel } from '../contact-records/reminder-message';
import type { SensitiveAlertView } from '../contracts/sensitive-alerts.contract';
import type { SensitiveBehaviorSettingsView } from '../contracts/sensitive-behavior-settings.contract';
import { BEHAVIOR_LABELS } from './alert-views';

export interface AlertForNotice {
  from: string;
  senderType: string;
  staffUserids: string[];
}

/**
 * Who hears about an alert (R-7.6-07): the group's owner when the chat is a group, the trigger person (a
 * member) or, when a customer triggered it, the members of the conversation (the customer's followers there),
 * and the chosen staff. Each userid once, however many routes lead to them (R-7.6-10).
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

/** 详情 in the notice: enough to judge the hit, within text's 2048 bytes however many rules it lists. */
const DETAIL_SHOWN = 200;

/**
 * A text message turns `<a href>` into links: what a sender wrote must not, so its angle brackets are made
 * full-width (WeCom documents no escaping for text messages).
 */
const inert = (text: string) => text.replace(/</g, '＜').replace(/>/g, '＞');

/**
 * The app message about one chat message (or one 删除好友) with every alert row it raised (I-110, I-111):
 * 触发人, 发送人类别, 敏感行为, the rules hit and their words, 好友/群名称, 触发时间 and 详情. `reviewUrl` is
 * given for recipients allowed to review: one link per row to its review dialog.
 */
export function alertNoticeText(
  alerts: readonly SensitiveAlertView[],
  reviewUrl?: (alertId: string) => string,
): string {
  const [first] = alerts;
  const behaviors = [...new Set(alerts.map((alert) => BEHAVIOR_LABELS[alert.behavior]))];
  const rules = alerts
    .filter((alert) => alert.ruleName)
    .map((alert) => `${alert.ruleName}（${alert.words.join('、')}）`);
  const detail = [...first.content];
  const lines = [
    '敏感行为预警',
    `触发人：${inert(first.senderName)}`,
    `发送人类别：${first.senderType === 'staff' ? '员工' : '客户'}`,
    `敏感行为：${behaviors.join('、')}`,
    ...(rules.length > 0 ? [`命中规则：${inert(rules.join('；'))}`] : []),
    `好友/群名称：${inert(first.chatName) || '-'}`,
    `触发时间：${chinaMinuteLabel(new Date(first.triggeredAt))}`,
    `详情：${inert(detail.slice(0, DETAIL_SHOWN).join(''))}${detail.length > DETAIL_SHOWN ? '...' : ''}`,
  ];
  if (reviewUrl) {
    const links = alerts.map((alert) => {
      const label = alerts.length === 1 ? '去审核' : inert(alert.ruleName ?? BEHAVIOR_LABELS[alert.behavior]);
      return `<a href="${reviewUrl(alert.id)}">${label}</a>`;
    });
    lines.push(`审核：${links.join('　')}`);
  }
  return lines.join('\n');
}
