import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';

/** A caller acts only on staff inside their 数据权限; others are "not found", as in the list (no hint they exist). */
export async function assertStaffInScope(caller: Caller, userid: string): Promise<void> {
  const scope = await caller.scope();
  if (!scope.all && !scope.userids.includes(userid)) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
}
