import type { CustomerDetail, EnterpriseField } from '../../../lib/contracts/customer.contract';
import { CustomerEnterpriseModel } from '../../../lib/models/customer-enterprise.model';
import type { Customer } from '../../../lib/models/customer.model';

/** How 客户详情 shows a customer's company (企业信息), read by the detail and by the edit that changes it. */
export type EnterpriseView = Omit<NonNullable<CustomerDetail['enterprise']>, 'relatedCustomers'>;
export type EnterpriseCustomer = Pick<Customer, 'type' | 'corpName' | 'corpFullName' | 'profile'> & {
  createdAt?: Date;
};

/** 联系电话 … 企业等级: entered in 客户详情 for every kind of customer. */
const DETAIL_FIELDS = ['phone', 'website', 'address', 'industry', 'scale', 'region', 'level'] as const;
const NAME_FIELDS = ['shortName', 'fullName'] as const;
/** 创建人 of a company that came with the sync (R-3.1.2-12). */
export const SYNCED_CREATOR = '管理员';

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
