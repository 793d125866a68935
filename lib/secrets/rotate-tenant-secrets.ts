import { TenantModel, type Tenant } from '../models/tenant.model';
import { secretContext } from '../wecom/binding-store';
import { isSealed, keyIdOfSealed, resealSecret, sealSecret, type SecretKeyring } from './secret-box';

export interface RotationReport {
  tenants: number;
  resealed: number;
}

type Sealed = { value: string; context: string; write: (value: string) => void };

/** Every sealed value of one tenant, with the context it was sealed under and where to put it back. */
function sealedValuesOf(tenantId: string, tenant: Tenant): Sealed[] {
  const found: Sealed[] = [];
  const wecom = tenant.wecom as Record<string, unknown> | undefined | null;
  if (wecom) {
    for (const field of ['contactsSecret', 'externalContactSecret', 'appSecret', 'archiveSecret']) {
      const value = wecom[field];
      if (typeof value === 'string' && value) {
        found.push({ value, context: secretContext(tenantId, field), write: (v) => (wecom[field] = v) });
      }
    }
    for (const key of tenant.wecom?.archiveKeys ?? []) {
      found.push({
        value: key.privateKey,
        context: secretContext(tenantId, `archiveKeys.${key.version}`),
        write: (v) => (key.privateKey = v),
      });
    }
  }
  // Before secrets were sealed, the contacts callback settings sat in clear inside the binding.
  const legacy = wecom as { callbackToken?: string; callbackAesKey?: string } | undefined | null;
  if (legacy?.callbackToken && legacy.callbackAesKey) {
    const callbacks = (tenant.wecomCallbacks ??= {} as NonNullable<Tenant['wecomCallbacks']>);
    callbacks.contacts ??= { token: legacy.callbackToken, aesKey: legacy.callbackAesKey };
    delete legacy.callbackToken;
    delete legacy.callbackAesKey;
  }
  for (const source of ['contacts', 'customers'] as const) {
    const settings = tenant.wecomCallbacks?.[source];
    if (!settings) continue;
    for (const part of ['token', 'aesKey'] as const) {
      found.push({
        value: settings[part],
        context: secretContext(tenantId, `callbacks.${source}.${part}`),
        write: (v) => (settings[part] = v),
      });
    }
  }
  return found;
}

/**
 * Re-seals every tenant secret (and seals any still in clear, as data from before sealing existed) that is not under the keyring's current key. Each tenant is one
 * single-document write guarded by its updatedAt, so an interrupted run leaves every tenant wholly
 * old or wholly new (both readable while the old key is in SECRETS_PREVIOUS_KEYS), a concurrent save
 * is never overwritten (the tenant is read again and retried), and a second run changes nothing.
 */
export async function rotateTenantSecrets(keyring: SecretKeyring): Promise<RotationReport> {
  const report: RotationReport = { tenants: 0, resealed: 0 };
  const ids = (await TenantModel.find({}, { _id: 1 }).lean()).map((t) => t._id);
  for (const tenantId of ids) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const tenant = await TenantModel.findById(tenantId).lean();
      if (!tenant) break;
      const stale = sealedValuesOf(tenantId, tenant).filter(
        (s) => keyIdOfSealed(s.value) !== keyring.currentKeyId,
      );
      if (stale.length === 0) break;
      for (const s of stale) {
        s.write(
          isSealed(s.value)
            ? resealSecret(keyring, s.value, s.context)
            : sealSecret(keyring, s.value, s.context),
        );
      }
      const written = await TenantModel.updateOne(
        { _id: tenantId, updatedAt: tenant.updatedAt },
        {
          $set: {
            ...(tenant.wecom ? { wecom: tenant.wecom } : {}),
            ...(tenant.wecomCallbacks ? { wecomCallbacks: tenant.wecomCallbacks } : {}),
          },
        },
      );
      if (written.modifiedCount === 1) {
        report.tenants += 1;
        report.resealed += stale.length;
        break;
      }
    }
  }
  return report;
}
