import { createHash } from 'node:crypto';

/**
 * The read-only mark (I-95) names the contacts secret it was seen with, by the hash of its stored (sealed)
 * form: saving the binding with another secret (one with edit permission) lifts it without anyone having to
 * remember to clear it.
 */
export function contactsSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 32);
}

export function isContactsReadOnly(tenant: {
  wecom?: { contactsSecret: string } | null;
  contactsReadOnly?: { secretHash: string } | null;
}): boolean {
  return Boolean(
    tenant.wecom &&
    tenant.contactsReadOnly &&
    tenant.contactsReadOnly.secretHash === contactsSecretHash(tenant.wecom.contactsSecret),
  );
}
