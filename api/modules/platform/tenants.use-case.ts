import type { CreateTenant, UpdateTenant } from '../../../lib/contracts/platform.contract';
import { provisionTenantAccess } from '../../../lib/access/built-in-roles';
import { TenantModel } from '../../../lib/models/tenant.model';
import { phaseAt } from '../../../workflows/tenant-validity.contract';
import { countSeatsInUse, renumberSeatsAbove } from '../../../lib/org/seats';
import { setTenantValidityTimer } from '../../../lib/tenants/tenant-validity-timer';
import type { AppContext } from '../../app-context';
import { conflict, notFound } from '../../http/app-error';
import { hashPassword } from '../../../lib/auth/password-hash';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

async function summaryOf(tenant: {
  _id: string;
  name: string;
  seats: number;
  effectiveAt: Date;
  expiresAt: Date;
  wecom?: unknown;
}) {
  return {
    id: tenant._id,
    name: tenant.name,
    seats: tenant.seats,
    seatsUsed: await countSeatsInUse(tenant._id),
    effectiveAt: tenant.effectiveAt.toISOString(),
    expiresAt: tenant.expiresAt.toISOString(),
    phase: phaseAt(
      { effectiveAt: tenant.effectiveAt.toISOString(), expiresAt: tenant.expiresAt.toISOString() },
      Date.now(),
    ),
    wecomBound: Boolean(tenant.wecom),
  };
}

export async function listTenants({ page, pageSize }: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    TenantModel.find({})
      .sort({ createdAt: -1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    TenantModel.countDocuments({}),
  ]);
  return { items: await Promise.all(rows.map(summaryOf)), total, page, pageSize };
}

/**
 * Opens a tenant (R-1.1-02, I-08) with its seats and validity, its built-in roles and its super admin,
 * who is switched on but uses no seat (I-101). The WeCom binding comes later, from the tenant's own
 * 企微绑定 page.
 */
export async function createTenant(input: CreateTenant, { temporal }: Pick<AppContext, 'temporal'>) {
  try {
    await TenantModel.create({
      _id: input.id,
      name: input.name,
      seats: input.seats,
      effectiveAt: new Date(input.effectiveAt),
      expiresAt: new Date(input.expiresAt),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('企业标识已存在', 'TENANT_EXISTS');
    throw error;
  }
  await provisionTenantAccess(input.id, {
    name: input.admin.name,
    mobile: input.admin.mobile,
    passwordHash: await hashPassword(input.admin.password),
  });
  const tenant = await summaryOf((await TenantModel.findById(input.id).lean())!);
  await setTenantValidityTimer(temporal, tenant.id, tenant);
  return tenant;
}

export async function updateTenant(
  { tenantId, ...change }: UpdateTenant & { tenantId: string },
  { temporal }: Pick<AppContext, 'temporal'>,
) {
  const tenant = await TenantModel.findById(tenantId).lean();
  if (!tenant) throw notFound('企业不存在', 'TENANT_NOT_FOUND');
  const effectiveAt = change.effectiveAt ? new Date(change.effectiveAt) : tenant.effectiveAt;
  const expiresAt = change.expiresAt ? new Date(change.expiresAt) : tenant.expiresAt;
  if (effectiveAt >= expiresAt) throw conflict('到期时间须晚于生效时间', 'INVALID_VALIDITY');
  if (change.seats !== undefined && change.seats < (await countSeatsInUse(tenantId))) {
    throw conflict('可使用数量不能少于已开启账号数量', 'SEATS_BELOW_USED');
  }
  await TenantModel.updateOne(
    { _id: tenantId },
    { $set: { effectiveAt, expiresAt, ...(change.seats !== undefined ? { seats: change.seats } : {}) } },
  );
  if (change.seats !== undefined && change.seats < tenant.seats)
    await renumberSeatsAbove(tenantId, change.seats);
  const summary = await summaryOf((await TenantModel.findById(tenantId).lean())!);
  // Also (re)starts a timer that a Temporal outage kept from starting when the tenant was opened.
  await setTenantValidityTimer(temporal, summary.id, summary);
  return summary;
}
