import type { Response } from 'express';
import { resolveStaffScope, type StaffScope } from '../../lib/access/data-scope';
import { accessOf } from './authorize';
import { sessionOf } from './session';

/** The 数据权限 of the signed-in caller of this request (I-104): whose customers and groups they see. */
export function callerScope(res: Response): Promise<StaffScope> {
  const access = accessOf(res);
  return resolveStaffScope(sessionOf(res).tenantId, access, access);
}
