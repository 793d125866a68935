import { ApplicationFailure } from '@temporalio/activity';
import { TenantModel } from '../lib/models/tenant.model';
import type { WeComCredentials } from '../lib/wecom/client';

/** Reads a tenant's WeCom binding and hands out the credentials of the contacts (通讯录) secret. */
export async function loadContactsCredentials(tenantId: string): Promise<WeComCredentials> {
  const tenant = await TenantModel.findById(tenantId).lean();
  if (!tenant?.wecom) {
    throw ApplicationFailure.nonRetryable(`tenant ${tenantId} has no WeCom binding`, 'WeComNotBound');
  }
  return {
    tenantId,
    corpId: tenant.wecom.corpId,
    secretKind: 'contacts',
    secret: tenant.wecom.contactsSecret,
  };
}

export type CredentialsLoader = typeof loadContactsCredentials;
