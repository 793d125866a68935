import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { TenantModel } from '../../lib/models/tenant.model';
import { defaultKeyring, keyringFromEnv } from '../../lib/secrets/keyring-from-env';
import { rotateTenantSecrets } from '../../lib/secrets/rotate-tenant-secrets';
import { keyIdOfSealed, openSecret } from '../../lib/secrets/secret-box';
import { ensureCallbackSettings, loadBinding, openBinding } from '../../lib/wecom/binding-store';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator, type SimCorp } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('rotate');
const LEGACY = freshTenantId('legacy');

function sealedValues(document: Record<string, unknown>): string[] {
  return (
    JSON.stringify(document).match(/v1\.[0-9a-f]{12}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g) ?? []
  );
}

describe('secrets at rest: rotation (npm run rotate-secrets)', () => {
  let app: TestApp;
  let corp: SimCorp;
  const newKey = randomBytes(32).toString('base64');
  const raw = (id: string) => mongoose.connection.db!.collection('tenants').findOne({ _id: id as never });

  beforeAll(async () => {
    app = await startTestApp('secret-rotation');
    corp = await simulator.createCorp('密钥轮换企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000501' });
    // A tenant written before sealing existed: secrets and callback settings in clear.
    await mongoose.connection.db!.collection('tenants').insertOne({
      _id: LEGACY as never,
      name: '旧数据企业',
      seats: 1,
      effectiveAt: new Date(),
      expiresAt: new Date('2099-01-01'),
      wecom: {
        corpId: corp.corpId,
        corpName: '旧数据企业',
        contactsSecret: corp.secrets.contacts,
        callbackToken: 'legacyToken',
        callbackAesKey: 'a'.repeat(43),
      },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('re-seals every secret with the new key, keeps their values, and a second run changes nothing', async () => {
    const rotating = keyringFromEnv({ SECRETS_KEY: newKey, SECRETS_PREVIOUS_KEYS: process.env.SECRETS_KEY });
    const before = await loadBinding(TENANT);

    const first = await rotateTenantSecrets(rotating);
    expect(first.tenants).toBe(2);

    const document = (await raw(TENANT))!;
    const sealed = sealedValues(document);
    expect(sealed.length).toBe(4 + 4); // four secrets, two callback settings of two values each
    expect(new Set(sealed.map(keyIdOfSealed))).toEqual(new Set([rotating.currentKeyId]));
    const onlyNewKey = keyringFromEnv({ SECRETS_KEY: newKey });
    expect(openBinding(TENANT, (await TenantModel.findById(TENANT).lean())!.wecom!, onlyNewKey)).toEqual(
      before,
    );

    expect(await rotateTenantSecrets(rotating)).toEqual({ tenants: 0, resealed: 0 });
  });

  it('seals data written before sealing, moving the legacy callback settings', async () => {
    const document = (await raw(LEGACY))!;
    expect(JSON.stringify(document)).not.toContain(corp.secrets.contacts);
    expect(JSON.stringify(document)).not.toContain('legacyToken');
    expect((document.wecom as Record<string, unknown>).callbackToken).toBeUndefined();
    const onlyNewKey = keyringFromEnv({ SECRETS_KEY: newKey });
    const legacy = (await TenantModel.findById(LEGACY).lean())!;
    expect(openBinding(LEGACY, legacy.wecom!, onlyNewKey).secrets).toEqual({
      contacts: corp.secrets.contacts,
    });
    const token = legacy.wecomCallbacks!.contacts!.token;
    expect(openSecret(onlyNewKey, token, `${LEGACY}:wecom.callbacks.contacts.token`)).toBe('legacyToken');
  });

  it('refuses to open a secret whose key is gone, naming the variables to set', async () => {
    const document = (await raw(TENANT))!;
    const contacts = (document.wecom as { contactsSecret: string }).contactsSecret;
    expect(() => openSecret(defaultKeyring(), contacts, `${TENANT}:wecom.contactsSecret`)).toThrow(
      /SECRETS_PREVIOUS_KEYS/,
    );
    await expect(ensureCallbackSettings(TENANT)).rejects.toThrow(/SECRETS_PREVIOUS_KEYS/);
  });
});
