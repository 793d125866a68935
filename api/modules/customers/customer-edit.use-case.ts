import type { StaffScope } from '../../../lib/access/data-scope';
import type { CustomerEdit } from '../../../lib/contracts/customer.contract';
import { deriveCustomerFields } from '../../../lib/customers/customer-derived';
import { CustomerModel } from '../../../lib/models/customer.model';
import { badRequest } from '../../http/app-error';
import { editableFieldsOf, findCustomerInScope } from './customer-detail.use-case';

const FIELD_LABELS: Record<keyof CustomerEdit, string> = {
  corpName: '企业名称',
  position: '职务',
  phone: '电话',
  source: '客户来源',
};

/**
 * 客户详情 编辑 (R-3.1.2-02..04): only the fields this kind of customer allows; what WeCom supplies stays
 * WeCom's. The phone feeds the 手机号 search, so the derived fields are rewritten with it.
 * Answers the profile before and after, for the audit log.
 */
export async function editCustomer(
  tenantId: string,
  externalUserid: string,
  scope: StaffScope,
  edit: CustomerEdit,
) {
  const customer = await findCustomerInScope(tenantId, externalUserid, scope);
  const allowed = new Set<string>(editableFieldsOf(customer.type));
  const refused = (Object.keys(edit) as Array<keyof CustomerEdit>).find(
    (field) => edit[field] !== undefined && !allowed.has(field),
  );
  if (refused)
    throw badRequest(`企业微信客户的${FIELD_LABELS[refused]}由企业微信同步，不可编辑`, 'FIELD_NOT_EDITABLE');

  const before = {
    corpName: customer.profile?.corpName ?? '',
    position: customer.profile?.position ?? '',
    phone: customer.profile?.phone ?? '',
    source: customer.profile?.source ?? '',
  };
  const after = { ...before };
  for (const field of Object.keys(edit) as Array<keyof CustomerEdit>) {
    const value = edit[field];
    if (value !== undefined && allowed.has(field)) after[field] = value;
  }
  const derived = deriveCustomerFields(customer.follows ?? [], after.phone);
  await CustomerModel.updateOne(
    { tenantId, externalUserid },
    {
      $set: {
        'profile.corpName': after.corpName,
        'profile.position': after.position,
        'profile.phone': after.phone,
        'profile.source': after.source,
        phones: derived.phones,
      },
    },
  );
  return { name: customer.name ?? '', before, after };
}
