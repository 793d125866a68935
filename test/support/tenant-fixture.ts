import { hashPassword } from '../../lib/auth/password-hash';
import { provisionTenantAccess } from '../../lib/access/built-in-roles';
import { StaffModel } from '../../lib/models/staff.model';
import { TenantModel } from '../../lib/models/tenant.model';
import { ensureCallbackSettings, saveBinding } from '../../lib/wecom/binding-store';
import { simulator, type SimCorp } from './sim-client';

export const ADMIN_PASSWORD = 'Admin@12345';

/** Every admin and member made here shares the password: hashed once per test file, not ~0.1 s of CPU each time. */
let adminPasswordHash: Promise<string> | undefined;
const hashedAdminPassword = () => (adminPasswordHash ??= hashPassword(ADMIN_PASSWORD));

/**
 * Workflow ids carry the tenant id, and a Temporal server may outlive a test run (a developer's
 * long-running stack): a fresh tenant id per run keeps old workflows out of the way.
 */
export function freshTenantId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/** A tenant as the platform opens it: no WeCom binding yet, its built-in roles and its super admin. */
export async function createTenant(
  tenantId: string,
  name: string,
  options: { adminMobile: string; expiresAt?: Date; seats?: number },
) {
  await TenantModel.create({
    _id: tenantId,
    name,
    seats: options.seats ?? 10,
    effectiveAt: new Date('2026-01-01T00:00:00Z'),
    expiresAt: options.expiresAt ?? new Date('2099-01-01T00:00:00Z'),
  });
  return provisionTenantAccess(tenantId, {
    name: '管理员',
    mobile: options.adminMobile,
    passwordHash: await hashedAdminPassword(),
  });
}

/**
 * A tenant bound to a simulator corp (every secret, sealed as the binding page seals them), with its
 * built-in roles and its super admin, who may log in.
 */
export async function createBoundTenant(
  tenantId: string,
  corp: SimCorp,
  options: { adminMobile: string; expiresAt?: Date; seats?: number },
) {
  const { roles } = await createTenant(tenantId, corp.name, options);
  await saveBinding(tenantId, {
    corpId: corp.corpId,
    corpName: corp.name,
    appName: '微丰SCRM',
    agentId: corp.appAgentId,
    secrets: { ...corp.secrets },
    archiveKeys: [],
  });
  const callbacks = await ensureCallbackSettings(tenantId);
  return { callbackToken: callbacks.contacts.token, callbackAesKey: callbacks.contacts.aesKey, roles };
}

/** Saves the tenant's 客户联系 callback in the simulator's console, which verifies the URL against the api first. */
export async function connectCustomersCallback(tenantId: string, corp: SimCorp, apiBaseUrl: string) {
  const { customers } = await ensureCallbackSettings(tenantId);
  return simulator.setCustomersCallback(corp.corpId, {
    url: `${apiBaseUrl}/wecom/callback/${tenantId}/customers`,
    token: customers.token,
    encodingAesKey: customers.aesKey,
  });
}

/**
 * A member of the tenant switched on (开启系统) with a role, who logs in with their mobile and
 * `ADMIN_PASSWORD`: the one way tests make a member who uses the admin or the side panel.
 */
export async function createMember(
  tenantId: string,
  member: { userid: string; name: string; mobile: string; roleId: string; departmentIds?: number[] },
) {
  return StaffModel.create({
    tenantId,
    ...member,
    systemEnabled: true,
    passwordHash: await hashedAdminPassword(),
  });
}
