import type { StaffScope } from '../../../lib/access/data-scope';
import { dayRange } from '../../../lib/customer-groups/china-days';
import { forbidden } from '../../http/app-error';

/**
 * Whose chats a 内容存档 query reads, within the caller's 数据权限, as a filter on messages or conversation
 * summaries (both carry staffUserids / externalUserids). A staff member outside the scope is refused; a
 * customer's chats are limited to those with a staff member in scope. Both given: the customer's chats with
 * that staff member.
 */
export function archiveSubjectFilter(
  scope: StaffScope,
  subject: { staffUserid?: string; externalUserid?: string },
): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (subject.externalUserid !== undefined) filter.externalUserids = subject.externalUserid;
  if (subject.staffUserid !== undefined) {
    if (!scope.all && !scope.userids.includes(subject.staffUserid)) {
      throw forbidden('无权查看该员工的会话存档');
    }
    filter.staffUserids = subject.staffUserid;
  } else if (!scope.all) {
    filter.staffUserids = { $in: scope.userids };
  }
  return filter;
}

/** 聊天时间 and 消息类型 (R-5.1.1-06/07, I-52) as a filter on messages; null when neither is set. */
export function messageConditionsFilter(conditions: {
  from?: string;
  to?: string;
  msgtype?: string;
}): { msgtime?: Record<string, Date>; msgtype?: string } | null {
  const range = dayRange(conditions.from, conditions.to);
  if (!range && !conditions.msgtype) return null;
  return {
    ...(range ? { msgtime: range } : {}),
    ...(conditions.msgtype ? { msgtype: conditions.msgtype } : {}),
  };
}
