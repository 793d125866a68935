import { defaultKeyring } from '../secrets/keyring-from-env';
import { openSecret, sealSecret, type SecretKeyring } from '../secrets/secret-box';
import { TenantModel, type Tenant } from '../models/tenant.model';
import type { CallbackSecrets } from './callback-crypto';
import {
  CALLBACK_SOURCES,
  newCallbackToken,
  newEncodingAesKey,
  type CallbackSource,
} from './callback-settings';
import type { SecretKind, WeComCredentials } from './client';

/**
 * The only code that seals and opens a tenant's WeCom secrets. Everything else asks for what it needs
 * (credentials of one secret, a callback's settings) and never sees the sealed form.
 */

/** The binding's field holding each secret kind. */
export const SECRET_FIELDS = {
  contacts: 'contactsSecret',
  externalContact: 'externalContactSecret',
  app: 'appSecret',
  archive: 'archiveSecret',
} as const satisfies Record<SecretKind, string>;
export type SecretField = (typeof SECRET_FIELDS)[SecretKind];

export interface ArchiveKey {
  version: number;
  privateKey: string;
  publicKeyFingerprint: string;
}

/** A binding in clear, as the use cases work with it. */
export interface WeComBinding {
  corpId: string;
  corpName: string;
  appName: string;
  agentId?: number;
  secrets: Partial<Record<SecretKind, string>>;
  archiveKeys: ArchiveKey[];
  updatedAt?: Date;
}

export interface CallbackSettings {
  token: string;
  aesKey: string;
}

export class WeComNotBoundError extends Error {
  override name = 'WeComNotBoundError';
}

type StoredBinding = NonNullable<Tenant['wecom']>;

/**
 * The associated data each secret is sealed with: it only opens for this tenant and this field.
 * `field` is the value's path under the binding (`contactsSecret`, `archiveKeys.3`, `callbacks.contacts.token`).
 */
export function secretContext(tenantId: string, field: string): string {
  return `${tenantId}:wecom.${field}`;
}

export function sealBinding(
  tenantId: string,
  binding: WeComBinding,
  keyring: SecretKeyring = defaultKeyring(),
): StoredBinding {
  const seal = (field: string, value: string | undefined) =>
    value === undefined ? undefined : sealSecret(keyring, value, secretContext(tenantId, field));
  return {
    corpId: binding.corpId,
    corpName: binding.corpName,
    appName: binding.appName,
    agentId: binding.agentId,
    contactsSecret: seal(SECRET_FIELDS.contacts, binding.secrets.contacts) as string,
    externalContactSecret: seal(SECRET_FIELDS.externalContact, binding.secrets.externalContact),
    appSecret: seal(SECRET_FIELDS.app, binding.secrets.app),
    archiveSecret: seal(SECRET_FIELDS.archive, binding.secrets.archive),
    archiveKeys: binding.archiveKeys.map((key) => ({
      ...key,
      privateKey: sealSecret(keyring, key.privateKey, secretContext(tenantId, `archiveKeys.${key.version}`)),
    })),
    updatedAt: binding.updatedAt,
  } as StoredBinding;
}

export function openBinding(
  tenantId: string,
  stored: StoredBinding,
  keyring: SecretKeyring = defaultKeyring(),
): WeComBinding {
  const secrets: WeComBinding['secrets'] = {};
  for (const [kind, field] of Object.entries(SECRET_FIELDS) as Array<[SecretKind, SecretField]>) {
    const sealed = stored[field];
    if (sealed) secrets[kind] = openSecret(keyring, sealed, secretContext(tenantId, field));
  }
  return {
    corpId: stored.corpId,
    corpName: stored.corpName,
    appName: stored.appName ?? '',
    agentId: stored.agentId ?? undefined,
    secrets,
    archiveKeys: (stored.archiveKeys ?? []).map((key) => ({
      version: key.version,
      publicKeyFingerprint: key.publicKeyFingerprint,
      privateKey: openSecret(keyring, key.privateKey, secretContext(tenantId, `archiveKeys.${key.version}`)),
    })),
    updatedAt: stored.updatedAt ?? undefined,
  };
}

export async function loadBinding(tenantId: string): Promise<WeComBinding | null> {
  const tenant = await TenantModel.findById(tenantId, { wecom: 1 }).lean();
  return tenant?.wecom ? openBinding(tenantId, tenant.wecom) : null;
}

export async function saveBinding(tenantId: string, binding: WeComBinding): Promise<void> {
  await TenantModel.updateOne({ _id: tenantId }, { $set: { wecom: sealBinding(tenantId, binding) } });
}

/** The credentials of one of the tenant's secrets, for the WeCom client. */
export async function loadCredentials(tenantId: string, kind: SecretKind): Promise<WeComCredentials> {
  const binding = await loadBinding(tenantId);
  const secret = binding?.secrets[kind];
  if (!binding || !secret) throw new WeComNotBoundError(`tenant ${tenantId} has no ${kind} secret bound`);
  return { tenantId, corpId: binding.corpId, secretKind: kind, secret };
}

function openCallbackSettings(
  tenantId: string,
  source: CallbackSource,
  stored: { token: string; aesKey: string },
  keyring: SecretKeyring,
): CallbackSettings {
  return {
    token: openSecret(keyring, stored.token, secretContext(tenantId, `callbacks.${source}.token`)),
    aesKey: openSecret(keyring, stored.aesKey, secretContext(tenantId, `callbacks.${source}.aesKey`)),
  };
}

export function sealCallbackSettings(
  tenantId: string,
  source: CallbackSource,
  settings: CallbackSettings,
  keyring: SecretKeyring = defaultKeyring(),
): { token: string; aesKey: string } {
  return {
    token: sealSecret(keyring, settings.token, secretContext(tenantId, `callbacks.${source}.token`)),
    aesKey: sealSecret(keyring, settings.aesKey, secretContext(tenantId, `callbacks.${source}.aesKey`)),
  };
}

/**
 * Token and EncodingAESKey of both receive-event servers, generated the first time anyone asks. Two
 * first requests at once both try; the `$exists: false` filter lets only the first write stick.
 */
export async function ensureCallbackSettings(
  tenantId: string,
): Promise<Record<CallbackSource, CallbackSettings>> {
  const keyring = defaultKeyring();
  for (const source of CALLBACK_SOURCES) {
    const path = `wecomCallbacks.${source}`;
    await TenantModel.updateOne(
      { _id: tenantId, [path]: { $exists: false } },
      {
        $set: {
          [path]: sealCallbackSettings(
            tenantId,
            source,
            { token: newCallbackToken(), aesKey: newEncodingAesKey() },
            keyring,
          ),
        },
      },
    );
  }
  const tenant = await TenantModel.findById(tenantId, { wecomCallbacks: 1 }).lean();
  const stored = tenant?.wecomCallbacks;
  if (!stored?.contacts || !stored.customers) throw new WeComNotBoundError(`tenant ${tenantId} not found`);
  return {
    contacts: openCallbackSettings(tenantId, 'contacts', stored.contacts, keyring),
    customers: openCallbackSettings(tenantId, 'customers', stored.customers, keyring),
  };
}

/** What a callback receiver needs: null when the tenant has no binding or no settings for that source. */
export async function loadCallbackSecrets(
  tenantId: string,
  source: CallbackSource,
): Promise<CallbackSecrets | null> {
  const tenant = await TenantModel.findById(tenantId, { 'wecom.corpId': 1, wecomCallbacks: 1 }).lean();
  const stored = tenant?.wecomCallbacks?.[source];
  if (!tenant?.wecom?.corpId || !stored) return null;
  const settings = openCallbackSettings(tenantId, source, stored, defaultKeyring());
  return { token: settings.token, encodingAesKey: settings.aesKey, receiveId: tenant.wecom.corpId };
}
