/**
 * `npm run rotate-secrets`: re-seals every tenant's WeCom secrets and Udesk API token with SECRETS_KEY. Run it with the new
 * key in SECRETS_KEY and the old one(s) in SECRETS_PREVIOUS_KEYS (see README, "Secrets at rest").
 * Safe to interrupt and to run again. `npm run rotate-secrets -- --new-key` prints a fresh key.
 */
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { keyringFromEnv } from '../lib/secrets/keyring-from-env';
import { rotateTenantSecrets } from '../lib/secrets/rotate-tenant-secrets';
import { generateKey } from '../lib/secrets/secret-box';
import { rotateUdeskSecrets } from '../lib/udesk/rotate-udesk-secrets';

async function main(): Promise<void> {
  if (process.argv.includes('--new-key')) {
    console.log(generateKey());
    return;
  }
  const config = loadConfig();
  const keyring = keyringFromEnv();
  await connectDatabase(config.mongoUrl);
  try {
    const report = await rotateTenantSecrets(keyring);
    const udesk = await rotateUdeskSecrets(keyring);
    console.log(
      `Secrets rotated to key ${keyring.currentKeyId}: ${report.resealed} WeCom secret(s) of ${report.tenants} tenant(s) and ${udesk.resealed} Udesk token(s) re-sealed; everything else was already current.`,
    );
  } finally {
    await disconnectDatabase();
  }
}

main().catch((error) => {
  console.error(`Rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
