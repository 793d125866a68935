import { TenantModel } from '../../../lib/models/tenant.model';
import { isContactsReadOnly } from '../../../lib/org/contacts-permission';
import { CONTACTS_READ_ONLY_MESSAGE } from '../../../lib/org/wecom-write-messages';
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../../http/app-error';

/** Whether the tenant's org may be edited here: it needs a WeCom binding whose contacts secret may write (I-95). */
export async function orgEditability({
  tenantId,
}: Pick<Caller, 'tenantId'>): Promise<{ editable: boolean; message: string | null }> {
  const tenant = await TenantModel.findById(tenantId).lean();
  if (!tenant) throw notFound();
  if (!tenant.wecom) return { editable: false, message: '尚未绑定企业微信，暂不能编辑组织架构' };
  if (isContactsReadOnly(tenant)) return { editable: false, message: CONTACTS_READ_ONLY_MESSAGE };
  return { editable: true, message: null };
}

export async function assertOrgEditable(tenantId: string): Promise<void> {
  const { editable, message } = await orgEditability({ tenantId });
  if (!editable) throw new AppError(403, 'ORG_READ_ONLY', message ?? CONTACTS_READ_ONLY_MESSAGE);
}
