import { resolveStaffScope, staffScopeFilter } from '../../../lib/access/data-scope';
import type { CallerAccess } from '../../../lib/access/caller-access';
import { CustomerModel } from '../../../lib/models/customer.model';
import { notFound } from '../../http/app-error';

/**
 * The customer, when the caller's 数据权限 covers one of its 添加人 (I-104); otherwise it does not exist
 * for them, with no hint that it does.
 */
export async function visibleCustomer(tenantId: string, access: CallerAccess, externalUserid: string) {
  const scope = await resolveStaffScope(tenantId, access, access);
  const customer = await CustomerModel.findOne(
    { tenantId, externalUserid, ...staffScopeFilter(scope, 'adderUserids') },
    { externalUserid: 1, name: 1, type: 1 },
  ).lean();
  if (!customer) throw notFound('客户不存在', 'CUSTOMER_NOT_FOUND');
  return customer;
}
