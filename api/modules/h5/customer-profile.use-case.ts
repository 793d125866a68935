import type { Client } from '@temporalio/client';
import type { CallerAccess } from '../../../lib/access/caller-access';
import { resolveStaffScope, staffScopeFilter } from '../../../lib/access/data-scope';
import type { CustomerTagChange } from '../../../lib/contracts/customer.contract';
import type { H5CustomerEdit, H5CustomerProfile } from '../../../lib/contracts/h5.contract';
import { deriveCustomerFields } from '../../../lib/customers/customer-derived';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { CustomerModel, type Customer } from '../../../lib/models/customer.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { badRequest, notFound } from '../../http/app-error';
import { tagCustomers } from '../customers/customer-tagging.use-case';

/** R-3.1.2-03/04: 微信 customers: 企业名称, 电话, 客户来源; 企业微信 customers: 电话, 客户来源. */
export function editableFieldsOf(type: number): Array<'corpName' | 'phone' | 'source'> {
  return type === 1 ? ['corpName', 'phone', 'source'] : ['phone', 'source'];
}

async function customerInScope(tenantId: string, access: CallerAccess, externalUserid: string) {
  const scope = await resolveStaffScope(tenantId, access, access);
  const customer = await CustomerModel.findOne({
    tenantId,
    externalUserid,
    ...staffScopeFilter(scope, 'adderUserids'),
  }).lean();
  if (!customer) throw notFound('客户不存在', 'CUSTOMER_NOT_FOUND');
  return customer;
}

/** The sidebar's 客户资料 (R-3.1.4-01) of a customer in the caller's 数据权限. */
export async function customerProfile(
  tenantId: string,
  access: CallerAccess,
  externalUserid: string,
): Promise<H5CustomerProfile> {
  const customer = await customerInScope(tenantId, access, externalUserid);
  return profileView(tenantId, customer);
}

/** Edits the fields this kind of customer allows (R-3.1.4-02); the phone joins the 手机号 search. */
export async function editCustomerProfile(
  tenantId: string,
  access: CallerAccess,
  externalUserid: string,
  edit: H5CustomerEdit,
): Promise<{ before: Record<string, string>; profile: H5CustomerProfile }> {
  const customer = await customerInScope(tenantId, access, externalUserid);
  const allowed = editableFieldsOf(customer.type);
  if (edit.corpName !== undefined && !allowed.includes('corpName')) {
    throw badRequest('企业微信客户的企业名称不可编辑', 'FIELD_NOT_EDITABLE');
  }
  const profile = { ...(customer.profile ?? {}) };
  const before = {
    corpName: profile.corpName ?? '',
    phone: profile.phone ?? '',
    source: profile.source ?? '',
  };
  if (edit.corpName !== undefined) profile.corpName = edit.corpName;
  if (edit.phone !== undefined) profile.phone = edit.phone;
  if (edit.source !== undefined) profile.source = edit.source;
  const derived = deriveCustomerFields(customer.follows, profile.phone);
  await CustomerModel.updateOne({ tenantId, externalUserid }, { $set: { profile, phones: derived.phones } });
  const updated = await customerInScope(tenantId, access, externalUserid);
  return { before, profile: await profileView(tenantId, updated) };
}

/**
 * 打标签 from the side panel (R-3.1.4-03, I-43): the same durable path as the admin's 打标签 (saved at
 * once, written to WeCom by the tagging workflow), for one customer in the caller's 数据权限.
 */
export async function tagCustomerProfile(
  temporal: { client: Client; taskQueue: string },
  caller: { tenantId: string; staffId: string; access: CallerAccess },
  externalUserid: string,
  change: CustomerTagChange,
) {
  const { tenantId, access } = caller;
  await customerInScope(tenantId, access, externalUserid);
  const scope = await resolveStaffScope(tenantId, access, access);
  const result = await tagCustomers(
    { temporal: temporal.client, taskQueue: temporal.taskQueue },
    { tenantId, staffId: caller.staffId, scope },
    { externalUserids: [externalUserid], ...change },
  );
  const customer = await customerInScope(tenantId, access, externalUserid);
  return { result, profile: await profileView(tenantId, customer) };
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
