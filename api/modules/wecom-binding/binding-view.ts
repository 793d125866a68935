import type { WecomBindingView } from '../../../lib/contracts/wecom-binding.contract';
import type { CallbackSettings, WeComBinding } from '../../../lib/wecom/binding-store';
import { callbackUrl, type CallbackSource } from '../../../lib/wecom/callback-settings';

/** Stars and the last 4 characters: enough to recognise a secret, never enough to use it (I-107). */
export function maskSecret(secret: string | undefined): string | null {
  if (!secret) return null;
  return `********${secret.slice(-4)}`;
}

/** The binding as the page shows it: secrets masked, generated callback settings in full for copying. */
export function bindingView(
  tenantId: string,
  binding: WeComBinding | null,
  callbacks: Record<CallbackSource, CallbackSettings>,
  publicUrl: string,
): WecomBindingView {
  const callback = (source: CallbackSource) => ({
    token: callbacks[source].token,
    encodingAesKey: callbacks[source].aesKey,
    callbackUrl: callbackUrl(publicUrl, tenantId, source),
  });
  return {
    bound: binding !== null,
    corpId: binding?.corpId ?? '',
    contacts: { ...callback('contacts'), secret: maskSecret(binding?.secrets.contacts) },
    customers: { ...callback('customers'), secret: maskSecret(binding?.secrets.externalContact) },
    archive: {
      secret: maskSecret(binding?.secrets.archive),
      keys: (binding?.archiveKeys ?? []).map(({ version, publicKeyFingerprint }) => ({
        version,
        publicKeyFingerprint,
      })),
    },
    app: {
      name: binding?.appName ?? '',
      agentId: binding?.agentId ?? null,
      secret: maskSecret(binding?.secrets.app),
    },
    updatedAt: binding?.updatedAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a binding: the same masking, no callback keys. */
export function auditedBinding(binding: WeComBinding | null) {
  if (!binding) return null;
  return {
    corpId: binding.corpId,
    contactsSecret: maskSecret(binding.secrets.contacts),
    externalContactSecret: maskSecret(binding.secrets.externalContact),
    archiveSecret: maskSecret(binding.secrets.archive),
    archiveKeyVersions: binding.archiveKeys.map((key) => key.version),
    appName: binding.appName,
    agentId: binding.agentId ?? null,
    appSecret: maskSecret(binding.secrets.app),
  };
}
