import { DepartmentModel } from '../../../lib/models/department.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { countSeatsInUse } from '../../../lib/org/seats';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { writeBackView } from './staff-list.use-case';

/** The tenant's departments, flat (the root has parentId 0), under the corp's name. */
export async function departmentTree({ tenantId }: Caller) {
  const [tenant, departments] = await Promise.all([
    TenantModel.findById(tenantId).lean(),
    // A department whose deletion is on its way to WeCom is already gone from the tree.
    DepartmentModel.find({
      tenantId,
      $nor: [{ 'writeBack.status': 'pending', 'writeBack.op': 'delete' }],
    })
      .sort({ parentId: 1, order: -1, deptId: 1 })
      .lean(),
  ]);
  if (!tenant) throw notFound();
  return {
    corpName: tenant.wecom?.corpName ?? tenant.name,
    items: departments.map((d) => ({
      id: d.deptId,
      name: d.name,
      parentId: d.parentId,
      order: d.order,
      ...(d.writeBack ? { writeBack: writeBackView(d.writeBack) } : {}),
    })),
  };
}

/** The seat banner: seats in use (开启系统) out of the tenant's seat count, and the validity window. */
export async function seatsOf({ tenantId }: Pick<Caller, 'tenantId'>) {
  const [tenant, used] = await Promise.all([
    TenantModel.findById(tenantId).lean(),
    countSeatsInUse(tenantId),
  ]);
  if (!tenant) throw notFound();
  return {
    used,
    total: tenant.seats,
    effectiveAt: tenant.effectiveAt.toISOString(),
    expiresAt: tenant.expiresAt.toISOString(),
  };
}
