import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import { CustomerModel } from '../../../lib/models/customer.model';
import { notFound } from '../../http/app-error';

/** The customer inside the caller's 数据权限 (I-104), or 404 as if it did not exist. */
export async function findCustomerInScope(tenantId: string, externalUserid: string, scope: StaffScope) {
  const customer = await CustomerModel.findOne({
    tenantId,
    externalUserid,
    ...staffScopeFilter(scope, 'adderUserids'),
  }).lean();
  if (!customer) throw notFound('客户不存在', 'CUSTOMER_NOT_FOUND');
  return customer;
}
