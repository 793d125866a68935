import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type { CustomerDetail, EditableField } from '../../../lib/contracts/customer.contract';
import { addWayLabel } from '../../../lib/customers/add-way-label';
import {
  customerSuffix,
  toCustomerRow,
  type CustomerListDocument,
} from '../../../lib/customers/customer-row';
import { CustomerEventModel } from '../../../lib/models/customer-event.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import { addChannelsOf } from '../../../lib/acquisition/customer-add-channels';
import type { Caller } from '../../auth/caller';
import { findCustomerInScope } from './customer-in-scope';
import { enterpriseKeyOf, enterpriseOf } from './customer-enterprise-view';
import { namesFor } from './customer-names';

// 相关客户 is a glance at the same company, not a second list.
const RELATED_CUSTOMERS_LIMIT = 50;

/** R-3.1.2-03/04 (and I-45 for 职务): what 编辑 may change for each kind of customer. */
export function editableFieldsOf(type: number | null | undefined): EditableField[] {
  return type === 2 ? ['phone', 'source'] : ['corpName', 'position', 'phone', 'source'];
}

/** 客户详情: header, relations, 系统信息 and 企业信息 with 相关客户. */
export async function customerDetail(
  caller: Caller,
  { externalUserid }: { externalUserid: string },
): Promise<CustomerDetail> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const customer = await findCustomerInScope(tenantId, externalUserid, scope);
  const doc = customer as unknown as CustomerListDocument;
  const enterpriseKey = enterpriseKeyOf(customer);
  const [events, related, enterprise, channels] = await Promise.all([
    CustomerEventModel.find({ tenantId, externalUserid, kind: 'added' }).sort({ at: 1 }).limit(200).lean(),
    enterpriseKey ? relatedCustomers(tenantId, externalUserid, enterpriseKey, scope) : [],
    enterpriseOf(tenantId, customer),
    addChannelsOf(tenantId, externalUserid),
  ]);
  const follows = customer.follows ?? [];
  const names = await namesFor(
    tenantId,
    [
      ...follows.map((f) => f.userid),
      ...events.map((e) => e.userid),
      ...related.flatMap((r) => r.adderUserids ?? []),
    ],
    [
      ...(customer.tagIds ?? []),
      ...follows.flatMap((f) => f.tagIds),
      ...related.flatMap((r) => r.tagIds ?? []),
    ],
  );
  const tagsOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const name = names.tagName(id);
      return name === undefined ? [] : [{ id, name }];
    });
  const row = toCustomerRow(doc, names.staffName, names.tagName);
  const remarkOf = new Map(follows.map((follow) => [follow.userid, follow.remark ?? '']));

  // One row per add (R-3.1.2-09): recorded add events, and for relations we learnt of before events
  // were recorded, the relation itself.
  const evented = new Set(events.map((event) => event.userid));
  const addEvents = [
    ...events.map((event) => ({ userid: event.userid, at: event.at, addWay: event.addWay })),
    ...follows
      .filter((follow) => !evented.has(follow.userid))
      .map((follow) => ({ userid: follow.userid, at: follow.addedAt, addWay: follow.addWay })),
  ]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((add) => ({
      userid: add.userid,
      name: names.staffName(add.userid),
      at: add.at.toISOString(),
      source: addWayLabel(add.addWay),
      remark: remarkOf.get(add.userid) ?? '',
      ...channels.get(add.userid),
    }));

  return {
    customer: {
      ...row,
      gender: customer.gender ?? 0,
      corpFullName: customer.corpFullName ?? '',
      active: customer.active ?? false,
      ...(customer.unionid ? { unionid: customer.unionid } : {}),
    },
    editable: editableFieldsOf(customer.type),
    relations: follows.map((follow) => ({
      userid: follow.userid,
      name: names.staffName(follow.userid),
      remark: follow.remark ?? '',
      description: follow.description ?? '',
      addedAt: follow.addedAt.toISOString(),
      addWay: follow.addWay ?? 0,
      tags: tagsOf(follow.tagIds),
      active: !follow.deletedAt,
    })),
    addEvents,
    enterprise: enterprise
      ? {
          ...enterprise,
          relatedCustomers: related.map((other) => ({
            externalUserid: other.externalUserid,
            name: other.name ?? '',
            suffix: customerSuffix(other),
            owner: other.ownerUserid
              ? { userid: other.ownerUserid, name: names.staffName(other.ownerUserid) }
              : null,
            tags: tagsOf(other.tagIds ?? []),
          })),
        }
      : null,
  };
}

/** I-48: the same 企业全称 (or 企业名称 when that is empty), within the caller's scope. */
async function relatedCustomers(tenantId: string, externalUserid: string, key: string, scope: StaffScope) {
  return CustomerModel.find(
    {
      tenantId,
      externalUserid: { $ne: externalUserid },
      active: true,
      $or: [{ corpFullName: key }, { corpFullName: '', corpName: key }, { type: 1, 'profile.corpName': key }],
      ...staffScopeFilter(scope, 'adderUserids'),
    },
    { externalUserid: 1, name: 1, type: 1, corpName: 1, ownerUserid: 1, adderUserids: 1, tagIds: 1 },
  )
    .sort({ firstAddedAt: -1 })
    .limit(RELATED_CUSTOMERS_LIMIT)
    .lean();
}
