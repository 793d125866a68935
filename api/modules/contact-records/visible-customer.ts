import { staffScopeFilter } from '../../../lib/access/data-scope';
import { CustomerModel } from '../../../lib/models/customer.model';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';

/**
 * The customer, when the caller's 数据权限 covers one of its 添加人 (I-104); otherwise it does not exist
 * for them, with no hint that it does.
 */
export async function visibleCustomer(caller: Caller, externalUserid: string) {
  const customer = await CustomerModel.findOne(
    { tenantId: caller.tenantId, externalUserid, ...staffScopeFilter(await caller.scope(), 'adderUserids') },
    { externalUserid: 1, name: 1, type: 1 },
  ).lean();
  if (!customer) throw notFound('客户不存在', 'CUSTOMER_NOT_FOUND');
  return customer;
}
