import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../api/modules/auth/login.use-case';
import { provisionTenantAccess } from '../../lib/access/built-in-roles';
import { TenantModel } from '../../lib/models/tenant.model';
import type { SimCorp } from './sim-client';

export const ADMIN_PASSWORD = 'Admin@12345';

/**
 * Workflow ids carry the tenant id, and a Temporal server may outlive a test run (a developer's
 * long-running stack): a fresh tenant id per run keeps old workflows out of the way.
 */
export function freshTenantId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/** A tenant bound to a simulator corp, with its built-in roles and its super admin, who may log in. */
export async function createBoundTenant(
  tenantId: string,
  corp: SimCorp,
  options: { adminMobile: string; expiresAt?: Date; seats?: number },
) {
  const callbackToken = randomBytes(12).toString('hex');
  const callbackAesKey = randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'A')
    .slice(0, 43);
  await TenantModel.create({
    _id: tenantId,
    name: corp.name,
    seats: options.seats ?? 10,
    effectiveAt: new Date('2026-01-01T00:00:00Z'),
    expiresAt: options.expiresAt ?? new Date('2099-01-01T00:00:00Z'),
    wecom: {
      corpId: corp.corpId,
      corpName: corp.name,
      contactsSecret: corp.secrets.contacts,
      agentId: corp.appAgentId,
      appSecret: corp.secrets.app,
      callbackToken,
      callbackAesKey,
    },
  });
  const { roles } = await provisionTenantAccess(tenantId, {
    name: '管理员',
    mobile: options.adminMobile,
    passwordHash: await hashPassword(ADMIN_PASSWORD),
  });
  return { callbackToken, callbackAesKey, roles };
}
