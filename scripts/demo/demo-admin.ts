/**
 * The demo tenant's super admin as the caller of the product's use cases: the seed makes the demo's content the
 * way that admin would in the admin console, so every row carries the creator, scope and checks the api gives it.
 */
import { callerFor, type Caller } from '../../api/auth/caller';
import type { Session } from '../../api/auth/session';
import { loadCallerAccess, type CallerAccess } from '../../lib/access/caller-access';
import { resolveStaffScope, type StaffScope } from '../../lib/access/data-scope';
import { StaffModel } from '../../lib/models/staff.model';

export interface DemoAdmin {
  /** What the product's use cases take. */
  caller: Caller;
  session: Session;
  access: CallerAccess;
  scope: StaffScope;
}

export async function loadDemoAdmin(tenantId: string, userid: string): Promise<DemoAdmin> {
  const staff = await StaffModel.findOne({ tenantId, userid }).lean();
  if (!staff) throw new Error(`the demo admin ${userid} is missing: run the seed without --simulator first`);
  const access = await loadCallerAccess(tenantId, staff);
  const session = {
    tenantId,
    staffId: String(staff._id),
    userid,
    roleId: access.roleId,
    departmentIds: staff.departmentIds,
  };
  return {
    caller: callerFor(session, access),
    session,
    access,
    scope: await resolveStaffScope(tenantId, access, access),
  };
}
