import type { Request, Response } from 'express';
import type { CallerAccess } from '../../lib/access/caller-access';
import { resolveStaffScope, type StaffScope } from '../../lib/access/data-scope';
import { unmappedIp } from '../http/client-ip';
import { accessOf } from './authorize';
import { sessionOf, type Session } from './session';

/**
 * Who is calling, as every use case receives it: the tenant it acts in, the staff member (for audit rows
 * and ownership), their role's 功能权限 flags and, on demand, their 数据权限. Built by `callerOf` only.
 */
export interface Caller {
  tenantId: string;
  staffId: string;
  userid: string;
  isSuperAdmin: boolean;
  /** Their role's 功能权限, for checks inside a use case (nobody grants what they do not hold). */
  permissions: ReadonlySet<string>;
  /** The client's address, stored on the audit rows the use case records. */
  ip?: string;
  /**
   * The staff whose data the caller may see (I-104). Resolved on first use and kept for the request,
   * because it costs a read of departments and staff that most writes never need.
   */
  scope(): Promise<StaffScope>;
}

/** The one way a router learns its caller; the route must declare a permission (defineRoute runs the check). */
export function callerOf(req: Request, res: Response): Caller {
  return callerFor(sessionOf(res), accessOf(res), req.ip);
}

/** A caller from a session and its role, also for scripts that act as a staff member (the demo seed). */
export function callerFor(session: Session, access: CallerAccess, ip?: string): Caller {
  let scope: Promise<StaffScope> | undefined;
  return {
    tenantId: session.tenantId,
    staffId: session.staffId,
    userid: session.userid,
    isSuperAdmin: access.isSuperAdmin,
    permissions: access.permissions,
    ip: ip && unmappedIp(ip),
    scope: () => (scope ??= resolveStaffScope(session.tenantId, access, access)),
  };
}
