import type {
  CustomerDetail,
  CustomerEnterpriseEdit,
  EnterpriseField,
} from '../../../lib/contracts/customer.contract';
import { CustomerEnterpriseModel } from '../../../lib/models/customer-enterprise.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { customerDetail } from './customer-detail.use-case';
import {
  enterpriseEditableFields,
  enterpriseKeyOf,
  enterpriseOf,
  SYNCED_CREATOR,
} from './customer-enterprise-view';
import { findCustomerInScope } from './customer-in-scope';
import { applyEdit, refuseUneditable } from './editable-fields';

const FIELD_LABELS: Record<EnterpriseField, string> = {
  shortName: '企业简称',
  fullName: '企业全称',
  phone: '联系电话',
  website: '企业网址',
  address: '地址',
  industry: '行业类型',
  scale: '人员规模',
  region: '省市',
  level: '企业等级',
};

/**
 * 企业信息 编辑 (R-3.1.2-10/11): the details of the customer's company, shared by every customer of it. A
 * WeChat customer's company can be added by hand: its 企业全称 (or 企业简称) becomes the customer's 企业.
 * Recorded in the audit log as `customer.enterprise.edit`.
 */
export async function editCustomerEnterprise(
  caller: Caller,
  { externalUserid, ...edit }: CustomerEnterpriseEdit & { externalUserid: string },
  { customerIndexer }: Pick<AppContext, 'customerIndexer'>,
): Promise<CustomerDetail> {
  const { tenantId } = caller;
  const customer = await findCustomerInScope(tenantId, externalUserid, await caller.scope());
  const allowed = new Set<string>(enterpriseEditableFields(customer.type));
  refuseUneditable(edit, allowed, FIELD_LABELS);
  const current = await enterpriseOf(tenantId, customer);
  const fieldsOf = (view: Partial<Record<EnterpriseField, string>> | null) =>
    Object.fromEntries([...allowed].map((field) => [field, view?.[field as EnterpriseField] ?? '']));
  const before = fieldsOf(current);
  const after = applyEdit(before, edit);

  let key = enterpriseKeyOf(customer);
  if (customer.type === 2) {
    if (!key) throw badRequest('企业微信未提供该客户的企业，无法编辑企业信息', 'NO_ENTERPRISE');
  } else {
    key = after.fullName || after.shortName;
    if (!key) throw badRequest('请输入企业简称或企业全称', 'ENTERPRISE_NAME_REQUIRED');
    if (key !== customer.profile?.corpName) {
      const corpName = key;
      await customerIndexer.writeAndIndex(tenantId, [customer._id], () =>
        CustomerModel.updateOne({ tenantId, _id: customer._id }, { $set: { 'profile.corpName': corpName } }),
      );
    }
  }
  const creator =
    customer.type === 2
      ? { name: SYNCED_CREATOR }
      : {
          staffId: caller.staffId,
          name: (await StaffModel.findOne({ tenantId, _id: caller.staffId }, { name: 1 }).lean())?.name ?? '',
        };
  await CustomerEnterpriseModel.updateOne(
    { tenantId, key },
    { $set: after, $setOnInsert: { creator } },
    { upsert: true },
  );
  await recordAudit(caller, {
    action: 'customer.enterprise.edit',
    target: { type: 'customer', id: externalUserid, name: customer.name ?? '' },
    before,
    after,
  });
  return customerDetail(caller, { externalUserid });
}
