/**
 * WeCom gives every app its own secret, and a token is only as powerful as the secret it came from (API.md §1):
 * contacts = 通讯录同步 (the only one allowed to write contacts), externalContact = the app listed under
 * 客户联系→可调用接口的应用, app = a self-built app with an agentId, archive = 会话内容存档.
 */
import { randomBytes } from 'node:crypto';

export const SECRET_KINDS = ['contacts', 'externalContact', 'app', 'archive'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
export type CorpSecrets = Record<SecretKind, string>;

/** Real secrets are 43 URL-safe base64 characters. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function generateSecrets(): CorpSecrets {
  return {
    contacts: generateSecret(),
    externalContact: generateSecret(),
    app: generateSecret(),
    archive: generateSecret(),
  };
}
