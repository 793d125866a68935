import type { StaffScope } from '../../../lib/access/data-scope';
import { forbidden } from '../../http/app-error';

/**
 * Whose chats a 内容存档 query reads, within the caller's 数据权限, as a filter on messages or conversation
 * summaries (both carry staffUserids / externalUserids). A staff member outside the scope is refused; a
 * customer's chats are limited to those with a staff member in scope.
 */
export function archiveSubjectFilter(
  scope: StaffScope,
  subject: { staffUserid?: string; externalUserid?: string },
): Record<string, unknown> {
  if (subject.staffUserid !== undefined) {
    if (!scope.all && !scope.userids.includes(subject.staffUserid)) {
      throw forbidden('无权查看该员工的会话存档');
    }
    return { staffUserids: subject.staffUserid };
  }
  return {
    externalUserids: subject.externalUserid,
    ...(scope.all ? {} : { staffUserids: { $in: scope.userids } }),
  };
}
