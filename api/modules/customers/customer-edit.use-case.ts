import type { CustomerIndexer } from '../../../lib/search/customer-indexer';
import type { StaffScope } from '../../../lib/access/data-scope';
import type { CustomerEdit } from '../../../lib/contracts/customer.contract';
import { deriveCustomerFields } from '../../../lib/customers/customer-derived';
import { CustomerModel } from '../../../lib/models/customer.model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { recordAudit } from '../audit/record-audit';
import { customerDetail, editableFieldsOf } from './customer-detail.use-case';
import { applyEdit, refuseUneditable } from './editable-fields';
import { findCustomerInScope } from './customer-in-scope';

const FIELD_LABELS: Record<keyof CustomerEdit, string> = {
  corpName: '企业名称',
  position: '职务',
  phone: '电话',
  source: '客户来源',
};

/**
 * 编辑 a customer, from 客户详情 (R-3.1.2-02..04) or the H5 side panel (R-3.1.4-02), under one set of rules:
 * only the fields this kind of customer allows; what WeCom supplies stays WeCom's. The phone feeds the
 * 手机号 search, so the derived phones are rewritten with it. Recorded in the audit log as `customer.edit`
 * with the fields before and after.
 */
export async function editCustomer(
  actor: Pick<Caller, 'tenantId' | 'staffId' | 'ip'> & { scope: StaffScope },
  externalUserid: string,
  edit: CustomerEdit,
  indexer: CustomerIndexer,
): Promise<void> {
  const { tenantId } = actor;
  const customer = await findCustomerInScope(tenantId, externalUserid, actor.scope);
  refuseUneditable(edit, new Set(editableFieldsOf(customer.type)), FIELD_LABELS);

  const before = {
    corpName: customer.profile?.corpName ?? '',
    position: customer.profile?.position ?? '',
    phone: customer.profile?.phone ?? '',
    source: customer.profile?.source ?? '',
  };
  const after = applyEdit(before, edit);
  const derived = deriveCustomerFields(customer.follows ?? [], after.phone);
  await indexer.writeAndIndex(tenantId, [customer._id], () =>
    CustomerModel.updateOne(
      { tenantId, _id: customer._id },
      {
        $set: {
          'profile.corpName': after.corpName,
          'profile.position': after.position,
          'profile.phone': after.phone,
          'profile.source': after.source,
          phones: derived.phones,
        },
      },
    ),
  );
  await recordAudit(actor, {
    action: 'customer.edit',
    target: { type: 'customer', id: externalUserid, name: customer.name ?? '' },
    before,
    after,
  });
}

/** 客户详情's 编辑: the edit, answered with the customer as the page shows it after. */
export async function editCustomerDetail(
  caller: Caller,
  { externalUserid, ...edit }: CustomerEdit & { externalUserid: string },
  { customerIndexer }: Pick<AppContext, 'customerIndexer'>,
) {
  await editCustomer({ ...caller, scope: await caller.scope() }, externalUserid, edit, customerIndexer);
  return customerDetail(caller, { externalUserid });
}
