import type { CustomerEdit, CustomerTagChange } from '../../../lib/contracts/customer.contract';
import type { H5CustomerProfile } from '../../../lib/contracts/h5.contract';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import type { Customer } from '../../../lib/models/customer.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { editableFieldsOf } from '../customers/customer-detail.use-case';
import { editCustomer } from '../customers/customer-edit.use-case';
import { findCustomerInScope } from '../customers/customer-in-scope';
import { corpTagOptions } from '../customers/customer-options.use-case';
import { auditCustomerTagging, tagCustomers } from '../customers/customer-tagging.use-case';

type ProfileOf = { externalUserid: string };

/** The sidebar's 客户资料 (R-3.1.4-01) of a customer in the caller's 数据权限. */
export async function customerProfile(
  caller: Caller,
  { externalUserid }: ProfileOf,
): Promise<H5CustomerProfile> {
  const customer = await findCustomerInScope(caller.tenantId, externalUserid, await caller.scope());
  return profileView(caller.tenantId, customer);
}

/** 编辑 from the side panel under 客户详情's rules (R-3.1.4-02), answered with the profile after it. */
export async function editCustomerProfile(
  caller: Caller,
  { externalUserid, ...edit }: CustomerEdit & ProfileOf,
  { customerIndexer }: Pick<AppContext, 'customerIndexer'>,
): Promise<H5CustomerProfile> {
  await editCustomer({ ...caller, scope: await caller.scope() }, externalUserid, edit, customerIndexer);
  return customerProfile(caller, { externalUserid });
}

/** The corp tags the side panel can put on a customer (R-3.1.4-03). */
export function profileTagOptions(caller: Caller) {
  return corpTagOptions(caller.tenantId);
}

/**
 * 打标签 from the side panel (R-3.1.4-03, I-43): the same durable path as the admin's 打标签 (saved at
 * once, written to WeCom by the tagging workflow), for one customer in the caller's 数据权限.
 */
export async function tagCustomerProfile(
  caller: Caller,
  { externalUserid, ...change }: CustomerTagChange & ProfileOf,
  {
    temporal,
    customerSearch,
    customerIndexer,
  }: Pick<AppContext, 'temporal' | 'customerSearch' | 'customerIndexer'>,
) {
  const scope = await caller.scope();
  // 404 outside 数据权限, as the profile itself; tagCustomers would only say "请选择客户".
  await findCustomerInScope(caller.tenantId, externalUserid, scope);
  const result = await tagCustomers(
    { temporal: temporal.client, taskQueue: temporal.taskQueue, customerSearch, customerIndexer },
    { ...caller, scope },
    { externalUserids: [externalUserid], ...change },
  );
  await auditCustomerTagging(caller, change, result);
  return { job: result.job, profile: await customerProfile(caller, { externalUserid }) };
}

async function profileView(tenantId: string, customer: Customer): Promise<H5CustomerProfile> {
  const [owner, tagGroups, groupCount] = await Promise.all([
    customer.ownerUserid
      ? StaffModel.findOne({ tenantId, userid: customer.ownerUserid }, { userid: 1, name: 1 }).lean()
      : null,
    customer.tagIds.length
      ? CorpTagGroupModel.find({ tenantId, 'tags.tagId': { $in: customer.tagIds } }).lean()
      : [],
    CustomerGroupModel.countDocuments({ tenantId, 'members.userid': customer.externalUserid }),
  ]);
  const tagName = new Map(tagGroups.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag.name])));
  return {
    externalUserid: customer.externalUserid,
    name: customer.name,
    avatar: customer.avatar,
    type: customer.type === 2 ? 2 : 1,
    wecomCorpName: customer.corpName,
    owner: customer.ownerUserid
      ? { userid: customer.ownerUserid, name: owner?.name ?? customer.ownerUserid }
      : null,
    firstAddedAt: customer.firstAddedAt ? customer.firstAddedAt.toISOString() : null,
    tags: customer.tagIds
      .filter((id) => tagName.has(id))
      .map((id) => ({ id, name: tagName.get(id) as string })),
    staffCount: customer.adderUserids.length,
    groupCount,
    phone: customer.profile?.phone ?? '',
    source: customer.profile?.source ?? '',
    corpName: customer.profile?.corpName ?? (customer.type === 2 ? customer.corpName : ''),
    editableFields: editableFieldsOf(customer.type),
  };
}
