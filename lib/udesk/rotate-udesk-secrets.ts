import { UdeskIntegrationModel } from '../models/udesk-integration.model';
import { isSealed, keyIdOfSealed, resealSecret, sealSecret, type SecretKeyring } from '../secrets/secret-box';
import type { RotationReport } from '../secrets/rotate-tenant-secrets';
import { udeskTokenContext } from './udesk-integration-store';

/**
 * Re-seals every tenant's Udesk API token not under the keyring's current key, as rotateTenantSecrets does for
 * the WeCom secrets: one single-document write per tenant guarded by the value it replaces, so a concurrent
 * 确定 is never overwritten (read again and retried) and a second run changes nothing.
 */
export async function rotateUdeskSecrets(keyring: SecretKeyring): Promise<RotationReport> {
  const report: RotationReport = { tenants: 0, resealed: 0 };
  const tenantIds = (await UdeskIntegrationModel.find({}, { tenantId: 1 }, { crossTenant: true }).lean()).map(
    (doc) => doc.tenantId,
  );
  for (const tenantId of tenantIds) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const stored = await UdeskIntegrationModel.findOne({ tenantId, _id: tenantId }, { apiToken: 1 }).lean();
      if (!stored || keyIdOfSealed(stored.apiToken) === keyring.currentKeyId) break;
      const context = udeskTokenContext(tenantId);
      const apiToken = isSealed(stored.apiToken)
        ? resealSecret(keyring, stored.apiToken, context)
        : sealSecret(keyring, stored.apiToken, context);
      const written = await UdeskIntegrationModel.updateOne(
        { tenantId, _id: tenantId, apiToken: stored.apiToken },
        { $set: { apiToken } },
      );
      if (written.modifiedCount === 1) {
        report.tenants += 1;
        report.resealed += 1;
        break;
      }
    }
  }
  return report;
}
