/**
 * Seeds the demo tenant for `npm start`: 沃丰时代, bound to the simulator's demo corp, with the demo admin
 * (the corp member 管理员, phone 13800138000) allowed to log in, and the tenant's org-sync Schedule,
 * which runs a first sync at once. Idempotent: a second run changes nothing that exists.
 * `--callbacks` (run once the api is up) saves the api's callback URL in the simulator, which checks it
 * with WeCom's echostr handshake, so console changes reach the product as change_contact events.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../api/modules/auth/login.use-case';
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { PlatformAdminModel } from '../lib/models/platform-admin.model';
import { provisionTenantAccess } from '../lib/access/built-in-roles';
import { TenantModel } from '../lib/models/tenant.model';
import { releaseSeat } from '../lib/org/seats';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { ensureOrgSyncSchedule } from '../lib/temporal/org-sync-schedule';
import { setTenantValidityTimer } from '../lib/tenants/tenant-validity-timer';
import {
  DEMO_ADMIN_MOBILE,
  DEMO_ADMIN_USERID,
  DEMO_APP_AGENT_ID,
  DEMO_APP_SECRET,
  DEMO_CONTACTS_SECRET,
  DEMO_CORP_ID,
  DEMO_CORP_NAME,
} from '../wecom-sim/seed/demo-corp';

export const DEMO_TENANT_ID = 'demo';
export const DEMO_PASSWORD = 'demo123456';
export const DEMO_OPERATOR = 'operator';
export const DEMO_OPERATOR_PASSWORD = 'operator123456';
const DEMO_SEATS = 38;

/** EncodingAESKey: exactly 43 characters of [A-Za-z0-9] (API.md §13.1). */
function newEncodingAesKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(43), (byte) => alphabet[byte % alphabet.length]).join('');
}

async function seedTenant(): Promise<void> {
  const now = new Date();
  await TenantModel.updateOne(
    { _id: DEMO_TENANT_ID },
    {
      $setOnInsert: {
        name: DEMO_CORP_NAME,
        seats: DEMO_SEATS,
        effectiveAt: now,
        expiresAt: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
        wecom: {
          corpId: DEMO_CORP_ID,
          corpName: DEMO_CORP_NAME,
          contactsSecret: DEMO_CONTACTS_SECRET,
          agentId: DEMO_APP_AGENT_ID,
          appSecret: DEMO_APP_SECRET,
          callbackToken: randomBytes(16).toString('hex'),
          callbackAesKey: newEncodingAesKey(),
        },
      },
    },
    { upsert: true },
  );
  const { superAdminStaffId } = await provisionTenantAccess(DEMO_TENANT_ID, {
    userid: DEMO_ADMIN_USERID,
    name: '管理员',
    mobile: DEMO_ADMIN_MOBILE,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  // The super admin uses no seat (I-101); demo data seeded before roles existed gave them one.
  await releaseSeat(DEMO_TENANT_ID, superAdminStaffId);
}

/** The platform operator who opens tenants (系统管理操作后台). */
async function seedOperator(): Promise<void> {
  if (await PlatformAdminModel.exists({ _id: DEMO_OPERATOR })) return;
  await PlatformAdminModel.create({
    _id: DEMO_OPERATOR,
    name: '平台运营',
    passwordHash: await hashPassword(DEMO_OPERATOR_PASSWORD),
  });
}

async function connectCallbacks(publicUrl: string, wecomApiBase: string): Promise<void> {
  const tenant = await TenantModel.findById(DEMO_TENANT_ID).lean();
  if (!tenant?.wecom) throw new Error('the demo tenant is not seeded yet');
  const response = await fetch(`${wecomApiBase}/sim/corps/${DEMO_CORP_ID}/callbacks/contacts`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: `${publicUrl}/wecom/callback/${DEMO_TENANT_ID}/contacts`,
      token: tenant.wecom.callbackToken,
      encodingAesKey: tenant.wecom.callbackAesKey,
    }),
  });
  if (!response.ok) throw new Error(`the simulator refused the callback URL: ${await response.text()}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  await connectDatabase(config.mongoUrl);
  try {
    if (process.argv.includes('--callbacks')) {
      await connectCallbacks(config.publicUrl, config.wecomApiBase);
      console.log('Demo callbacks: the simulator sends change_contact events to the api');
      return;
    }
    await seedTenant();
    await seedOperator();
    const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
    await ensureOrgSyncSchedule(temporal, config.temporalTaskQueue, DEMO_TENANT_ID);
    const demo = (await TenantModel.findById(DEMO_TENANT_ID).lean())!;
    await setTenantValidityTimer({ client: temporal, taskQueue: config.temporalTaskQueue }, DEMO_TENANT_ID, {
      effectiveAt: demo.effectiveAt.toISOString(),
      expiresAt: demo.expiresAt.toISOString(),
    });
    await temporal.connection.close();
    console.log(`Demo login: ${DEMO_ADMIN_MOBILE} / ${DEMO_PASSWORD} (${DEMO_CORP_NAME})`);
    console.log(
      `Platform operator (POST /api/platform/auth/login): ${DEMO_OPERATOR} / ${DEMO_OPERATOR_PASSWORD}`,
    );
  } finally {
    await disconnectDatabase();
  }
}

main().catch((error) => {
  console.error(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
