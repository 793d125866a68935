import type { CallerAccess } from '../../../lib/access/caller-access';
import type { SessionAccess, SessionTenant, SessionUser } from '../../../lib/contracts/auth.contract';
import type { Staff } from '../../../lib/models/staff.model';
import type { Tenant } from '../../../lib/models/tenant.model';

/** What the admin learns about the logged-in staff member and tenant, at login and from /api/auth/me. */
export function sessionUserView(staff: Staff & { _id: unknown }): SessionUser {
  return {
    id: String(staff._id),
    userid: staff.userid,
    name: staff.name,
    phone: staff.mobile,
    avatar: staff.avatar,
  };
}

export function sessionTenantView(tenant: Tenant & { _id: string }): SessionTenant {
  return { id: tenant._id, name: tenant.name, corpName: tenant.wecom?.corpName ?? tenant.name };
}

export function sessionAccessView(access: CallerAccess): SessionAccess {
  return {
    roleName: access.roleName,
    isSuperAdmin: access.isSuperAdmin,
    permissions: [...access.permissions],
    dataScope: access.dataScope,
  };
}
