/**
 * Seeds the demo tenant for `npm start`: 沃丰时代, bound to the simulator's demo corp, with the demo admin
 * (the corp member 管理员, phone 13800138000) allowed to log in, and the tenant's org-sync Schedule,
 * which runs a first sync at once, then the content that needs neither the org nor WeCom (demo/demo-content.ts).
 * Idempotent: a second run changes nothing that exists.
 * `--simulator` (run once the api and the worker are up, with the local simulator only) saves the api's
 * callback URL in the simulator, which checks it with WeCom's echostr handshake, so console changes reach the
 * product as change_contact events (and 客户联系 changes as change_external_* events, stored in the callback
 * inbox), turns on the demo corp's chat archive (demo-archive.ts), then adds what needs the synced staff.
 */
import type { Client } from '@temporalio/client';
import { hashPassword } from '../lib/auth/password-hash';
import { createSearchClient } from '../lib/search/es-client';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { PlatformAdminModel } from '../lib/models/platform-admin.model';
import { provisionTenantAccess } from '../lib/access/built-in-roles';
import { TenantModel } from '../lib/models/tenant.model';
import { releaseSeat } from '../lib/org/seats';
import { defaultKeyring } from '../lib/secrets/keyring-from-env';
import { rotateTenantSecrets } from '../lib/secrets/rotate-tenant-secrets';
import { ensureCallbackSettings, loadBinding, saveBinding } from '../lib/wecom/binding-store';
import { CALLBACK_SOURCES, callbackUrl } from '../lib/wecom/callback-settings';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { ensureOrgSyncSchedule } from '../lib/temporal/org-sync-schedule';
import { ensureCustomerSyncSchedules } from '../lib/temporal/customer-sync-schedule';
import { setTenantValidityTimer } from '../lib/tenants/tenant-validity-timer';
import { seedDemoArchive } from './demo-archive';
import { loadDemoAdmin } from './demo/demo-admin';
import { seedDemoActivity, seedDemoContent } from './demo/demo-content';
import { simulatorCall } from './demo/simulator-scenario';
import {
  DEMO_OPERATOR,
  DEMO_OPERATOR_LOGIN,
  DEMO_OPERATOR_PASSWORD,
  DEMO_PASSWORD,
  DEMO_TENANT_ID,
} from './demo/demo-tenant';
import {
  DEMO_ADMIN_MOBILE,
  DEMO_ADMIN_USERID,
  DEMO_APP_AGENT_ID,
  DEMO_APP_SECRET,
  DEMO_ARCHIVE_SECRET,
  DEMO_CONTACTS_SECRET,
  DEMO_EXTERNAL_CONTACT_SECRET,
  DEMO_CORP_ID,
  DEMO_CORP_NAME,
} from '../wecom-sim/seed/demo-corp';

const DEMO_SEATS = 38;

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
      },
    },
    { upsert: true },
  );
  // Dev data from before secrets were sealed: seal it in place first.
  await rotateTenantSecrets(defaultKeyring());
  // Sealed with SECRETS_KEY like a binding saved on the 企微绑定 page; a binding that exists is kept.
  if (!(await loadBinding(DEMO_TENANT_ID))) {
    await saveBinding(DEMO_TENANT_ID, {
      corpId: DEMO_CORP_ID,
      corpName: DEMO_CORP_NAME,
      appName: '微丰SCRM',
      agentId: DEMO_APP_AGENT_ID,
      secrets: {
        contacts: DEMO_CONTACTS_SECRET,
        externalContact: DEMO_EXTERNAL_CONTACT_SECRET,
        app: DEMO_APP_SECRET,
        archive: DEMO_ARCHIVE_SECRET,
      },
      archiveKeys: [],
      updatedAt: now,
    });
  }
  await ensureCallbackSettings(DEMO_TENANT_ID);
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
  const callbacks = await ensureCallbackSettings(DEMO_TENANT_ID);
  // Both receive-event servers of the 企微绑定 page, as the admin would enter them in the WeCom console.
  for (const source of CALLBACK_SOURCES) {
    await simulatorCall(wecomApiBase, 'PUT', `/corps/${DEMO_CORP_ID}/callbacks/${source}`, {
      url: callbackUrl(publicUrl, DEMO_TENANT_ID, source),
      token: callbacks[source].token,
      encodingAesKey: callbacks[source].aesKey,
    });
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const config = loadConfig();
  // Each line says when, since the seed began, it was written: what the seed waited for shows in its log.
  const say = (line: string) => console.log(`${line} (at ${((Date.now() - began) / 1000).toFixed(1)} s)`);
  const contentDeps = (temporal: Client) => ({
    temporal,
    taskQueue: config.temporalTaskQueue,
    publicUrl: config.publicUrl,
    log: createLogger('seed-demo', config.logLevel),
    say,
  });
  await connectDatabase(config.mongoUrl);
  try {
    if (process.argv.includes('--simulator')) {
      await connectCallbacks(config.publicUrl, config.wecomApiBase);
      say('Demo callbacks: the simulator sends contact and customer events to the api');
      const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
      try {
        const generated = await seedDemoArchive({
          tenantId: DEMO_TENANT_ID,
          corpId: DEMO_CORP_ID,
          wecomApiBase: config.wecomApiBase,
          temporal,
          taskQueue: config.temporalTaskQueue,
        });
        say(
          generated > 0
            ? `Demo chat archive: ${generated} messages generated, their ingest started (内容存档)`
            : 'Demo chat archive: key uploaded again, the ingest reads the new feed from its start',
        );
        const es = createSearchClient(config.esUrl);
        try {
          await seedDemoActivity(await loadDemoAdmin(DEMO_TENANT_ID, DEMO_ADMIN_USERID), {
            ...contentDeps(temporal),
            corpId: DEMO_CORP_ID,
            wecomApiBase: config.wecomApiBase,
            listSearch: {
              es,
              indexPrefix: config.esIndexPrefix,
              temporal,
              taskQueue: config.temporalTaskQueue,
            },
          });
        } finally {
          await es.close();
        }
      } finally {
        await temporal.connection.close();
      }
      return;
    }
    await seedTenant();
    await seedOperator();
    const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
    await ensureOrgSyncSchedule(temporal, config.temporalTaskQueue, DEMO_TENANT_ID);
    await ensureCustomerSyncSchedules(temporal, config.temporalTaskQueue, DEMO_TENANT_ID);
    const demo = (await TenantModel.findById(DEMO_TENANT_ID).lean())!;
    await setTenantValidityTimer({ client: temporal, taskQueue: config.temporalTaskQueue }, DEMO_TENANT_ID, {
      effectiveAt: demo.effectiveAt.toISOString(),
      expiresAt: demo.expiresAt.toISOString(),
    });
    await seedDemoContent(await loadDemoAdmin(DEMO_TENANT_ID, DEMO_ADMIN_USERID), contentDeps(temporal));
    await temporal.connection.close();
    console.log(`Demo login: ${DEMO_ADMIN_MOBILE} / ${DEMO_PASSWORD} (${DEMO_CORP_NAME})`);
    console.log(`Platform operator (${new URL('/platform', config.publicUrl)}): ${DEMO_OPERATOR_LOGIN}`);
  } finally {
    await disconnectDatabase();
  }
}

main().catch((error) => {
  console.error(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
