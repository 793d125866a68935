import { ApplicationFailure } from '@temporalio/activity';
import { loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { SecretKind, WeComCredentials } from '../lib/wecom/client';

/** Opens a tenant's WeCom binding and hands out the credentials of one of its secrets. */
async function loadBoundCredentials(tenantId: string, kind: SecretKind): Promise<WeComCredentials> {
  try {
    return await loadCredentials(tenantId, kind);
  } catch (error) {
    if (error instanceof WeComNotBoundError) {
      throw ApplicationFailure.nonRetryable(`tenant ${tenantId} has no WeCom binding`, 'WeComNotBound');
    }
    throw error;
  }
}

/** The contacts (通讯录) secret: org sync and change_contact callbacks. */
export async function loadContactsCredentials(tenantId: string): Promise<WeComCredentials> {
  return loadBoundCredentials(tenantId, 'contacts');
}

/** The 客户联系 (externalContact) secret: customers, customer groups and corp tags. */
export async function loadExternalContactCredentials(tenantId: string): Promise<WeComCredentials> {
  return loadBoundCredentials(tenantId, 'externalContact');
}

export type CredentialsLoader = typeof loadContactsCredentials;
