import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { loadBinding } from '../../lib/wecom/binding-store';
import { DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../../wecom-sim/seed/demo-corp';
import { startTestApp, type TestApp } from '../support/app-harness';
import { isolatedMongoUrl } from '../support/stack-env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

describe('the demo seed of `npm start` seals the demo binding and connects both callbacks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('demo-seed');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const seed = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        MONGO_URL: isolatedMongoUrl('demo-seed'),
        PUBLIC_URL: app.baseUrl,
        TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
        LOG_LEVEL: 'warn',
      },
    });

  it('binds the demo tenant with sealed secrets, twice without change, then connects the callbacks', async () => {
    await seed();
    const raw = JSON.stringify(
      await mongoose.connection.db!.collection('tenants').findOne({ _id: 'demo' as never }),
    );
    expect(raw).not.toContain(DEMO_CONTACTS_SECRET);
    const binding = await loadBinding('demo');
    expect(binding).toMatchObject({ corpId: DEMO_CORP_ID, secrets: { contacts: DEMO_CONTACTS_SECRET } });

    await seed();
    expect(await loadBinding('demo')).toEqual(binding);

    const { stdout } = await seed('--callbacks');
    expect(stdout).toContain('contact and customer events');
  });
});
