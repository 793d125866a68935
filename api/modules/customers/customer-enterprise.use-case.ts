import type {
  CustomerDetail,
  CustomerEnterpriseEdit,
  EnterpriseField,
} from '../../../lib/contracts/customer.contract';
import { CustomerEnterpriseModel } from '../../../lib/models/customer-enterprise.model';
import { CustomerModel, type Customer } from '../../../lib/models/customer.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { customerDetail } from './customer-detail.use-case';
import { findCustomerInScope } from './customer-in-scope';
import { applyEdit, refuseUneditable } from './editable-fields';

type EnterpriseView = Omit<NonNullable<CustomerDetail['enterprise']>, 'relatedCustomers'>;
type EnterpriseCustomer = Pick<Customer, 'type' | 'corpName' | 'corpFullName' | 'profile'> & {
  createdAt?: Date;
};

/** 联系电话 … 企业等级: entered in 客户详情 for every kind of customer. */
const DETAIL_FIELDS = ['phone', 'website', 'address', 'industry', 'scale', 'region', 'level'] as const;
const NAME_FIELDS = ['shortName', 'fullName'] as const;
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
/** 创建人 of a company that came with the sync (R-3.1.2-12). */
const SYNCED_CREATOR = '管理员';

/** I-48: the company is keyed by 企业全称, or 企业名称 when that is empty; a WeChat customer's is entered by hand. */
export function enterpriseKeyOf(customer: EnterpriseCustomer): string {
  return customer.type === 2
    ? customer.corpFullName || customer.corpName || ''
    : customer.profile?.corpName || '';
}

/** R-3.1.2-11: a WeCom customer's company names come from WeCom; a WeChat customer's are typed in. */
export function enterpriseEditableFields(type: number | null | undefined): EnterpriseField[] {
  return type === 2 ? [...DETAIL_FIELDS] : [...NAME_FIELDS, ...DETAIL_FIELDS];
}

/** 企业信息 → 基本信息 and 系统信息 (R-3.1.2-10..12), or null when the customer has no company. */
export async function enterpriseOf(
  tenantId: string,
  customer: EnterpriseCustomer,
): Promise<EnterpriseView | null> {
  const key = enterpriseKeyOf(customer);
  if (!key) return null;
  const record = await CustomerEnterpriseModel.findOne({ tenantId, key }).lean();
  const names =
    customer.type === 2
      ? { shortName: customer.corpName || '', fullName: customer.corpFullName || '' }
      : record
        ? { shortName: record.shortName ?? '', fullName: record.fullName ?? '' }
        : { shortName: key, fullName: '' };
  const details = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, record?.[field] ?? ''])) as Record<
    (typeof DETAIL_FIELDS)[number],
    string
  >;
  // A WeCom customer's company entered the system with the customer, whoever edited it since.
  const entered = customer.type !== 2 && record;
  return {
    ...names,
    ...details,
    editable: enterpriseEditableFields(customer.type),
    createdAt: (entered ? record.createdAt : customer.createdAt)?.toISOString() ?? null,
    creator: (entered && record.creator?.name) || SYNCED_CREATOR,
  };
}

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
