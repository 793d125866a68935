import { ApplicationFailure } from '@temporalio/activity';
import { loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { WeComCredentials } from '../lib/wecom/client';

/** Opens a tenant's WeCom binding and hands out the credentials of the contacts (通讯录) secret. */
export async function loadContactsCredentials(tenantId: string): Promise<WeComCredentials> {
  try {
    return await loadCredentials(tenantId, 'contacts');
  } catch (error) {
    if (error instanceof WeComNotBoundError) {
      throw ApplicationFailure.nonRetryable(`tenant ${tenantId} has no WeCom binding`, 'WeComNotBound');
    }
    throw error;
  }
}

export type CredentialsLoader = typeof loadContactsCredentials;
