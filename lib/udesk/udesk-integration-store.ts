import { UdeskIntegrationModel } from '../models/udesk-integration.model';
import { defaultKeyring } from '../secrets/keyring-from-env';
import { openSecret, sealSecret, type SecretKeyring } from '../secrets/secret-box';
import type { UdeskCredentials } from './udesk-client';

/** A tenant's Udesk integration in clear, as the use cases work with it. */
export interface UdeskIntegration extends UdeskCredentials {
  enabled: boolean;
  updatedAt?: Date;
}

/** The associated data the token is sealed with: it only opens for this tenant and this field. */
export function udeskTokenContext(tenantId: string): string {
  return `${tenantId}:udesk.apiToken`;
}

export async function loadUdeskIntegration(
  tenantId: string,
  keyring: SecretKeyring = defaultKeyring(),
): Promise<UdeskIntegration | null> {
  const stored = await UdeskIntegrationModel.findOne({ tenantId, _id: tenantId }).lean();
  if (!stored) return null;
  return {
    domain: stored.domain,
    adminEmail: stored.adminEmail,
    apiToken: openSecret(keyring, stored.apiToken, udeskTokenContext(tenantId)),
    enabled: stored.enabled,
    updatedAt: stored.updatedAt,
  };
}

export async function saveUdeskIntegration(
  tenantId: string,
  integration: Omit<UdeskIntegration, 'updatedAt'>,
  keyring: SecretKeyring = defaultKeyring(),
): Promise<void> {
  await UdeskIntegrationModel.updateOne(
    { tenantId, _id: tenantId },
    {
      $set: {
        domain: integration.domain,
        adminEmail: integration.adminEmail,
        apiToken: sealSecret(keyring, integration.apiToken, udeskTokenContext(tenantId)),
        enabled: integration.enabled,
      },
    },
    { upsert: true },
  );
}

/** 开启 / 关闭 without touching the credentials; false when nothing is saved yet. */
export async function switchUdeskIntegration(tenantId: string, enabled: boolean): Promise<boolean> {
  const result = await UdeskIntegrationModel.updateOne({ tenantId, _id: tenantId }, { $set: { enabled } });
  return result.matchedCount === 1;
}
