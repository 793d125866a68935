import { ApplicationFailure } from '@temporalio/activity';
import { loadBinding, loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { SecretKind, WeComCredentials } from '../lib/wecom/client';
import { loadAppSender, type AppSender } from '../lib/wecom/message-api';

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

/** The app secret and agentid, for app messages; a tenant without them cannot be helped by a retry. */
export async function loadAppMessageSender(tenantId: string): Promise<AppSender> {
  try {
    return await loadAppSender(tenantId);
  } catch (error) {
    if (error instanceof WeComNotBoundError) {
      throw ApplicationFailure.nonRetryable(error.message, 'WeComNotBound');
    }
    throw error;
  }
}

export type AppSenderLoader = typeof loadAppMessageSender;

/** What the chat-archive ingest needs: the 会话存档 secret and every private key by publickey_ver. */
export interface ArchiveAccess {
  corpId: string;
  secret: string;
  privateKeys: Map<number, string>;
}

/** The tenant's archive access, or null while the secret or every private key is still missing. */
export async function loadArchiveAccess(tenantId: string): Promise<ArchiveAccess | null> {
  const binding = await loadBinding(tenantId);
  const secret = binding?.secrets.archive;
  if (!binding || !secret || binding.archiveKeys.length === 0) return null;
  return {
    corpId: binding.corpId,
    secret,
    privateKeys: new Map(binding.archiveKeys.map((key) => [key.version, key.privateKey])),
  };
}
