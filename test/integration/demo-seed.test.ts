import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { archiveIngestScheduleId } from '../../lib/temporal/workflow-ids';
import { loadBinding } from '../../lib/wecom/binding-store';
import { DEMO_CONTACTS_SECRET, DEMO_CORP_ID } from '../../wecom-sim/seed/demo-corp';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { isolatedMongoUrl, stackEnv } from '../support/stack-env';
import { seedDemoArchive } from '../../scripts/demo-archive';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
/** A small demo archive: the test is about the seed's steps, not the ingest's speed. */
const DEMO_MESSAGES = 200;

describe('the demo seed of `npm start` seals the demo binding and connects both callbacks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('demo-seed');
  });

  // The worker may be amid the demo corp's customer sync: stopping waits for its activity.
  afterAll(async () => {
    await app?.stop();
  }, 180_000);

  const seed = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        MONGO_URL: isolatedMongoUrl('demo-seed'),
        PUBLIC_URL: app.baseUrl,
        TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
        LOG_LEVEL: 'warn',
        DEMO_ARCHIVE_MESSAGES: String(DEMO_MESSAGES),
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

    const { stdout } = await seed('--simulator');
    expect(stdout).toContain('contact and customer events');
  });

  // Stored in MongoDB is the ingest's first write after decrypting: proof that the saved key opens the feed.
  // (The worker also syncs the demo corp's 3,000 customers meanwhile, which keeps FerretDB busy for minutes.)
  const storedAll = async () =>
    (await ChatMessageModel.countDocuments({ tenantId: 'demo' })) >= DEMO_MESSAGES;

  it('turns the archive on: a saved key the simulator knows, and the conversations generated once', async () => {
    // The first --simulator run above generated the conversations and saved the key.
    const binding = (await loadBinding('demo'))!;
    expect(binding.archiveKeys).toHaveLength(1);
    await app.startWorker();
    await app.temporal.schedule.getHandle(archiveIngestScheduleId('demo')).trigger();
    await eventually(storedAll, 240_000);

    // A restart of `npm start`: the same key goes up again under the simulator's next version, the saved seq
    // goes back to 0, and nothing more is generated. (In-process: the worker's sync in this process can keep the
    // api from answering the simulator's callback handshake within its second, which --simulator also does.)
    const generated = await seedDemoArchive({
      tenantId: 'demo',
      corpId: DEMO_CORP_ID,
      wecomApiBase: stackEnv.wecomApiBase,
      temporal: app.temporal,
      taskQueue: app.config.temporalTaskQueue,
    });
    expect(generated).toBe(0);
    const again = (await loadBinding('demo'))!;
    expect(again.archiveKeys.map((key) => key.version)).toEqual([1, 2]);
    expect(new Set(again.archiveKeys.map((key) => key.privateKey))).toEqual(
      new Set([binding.archiveKeys[0].privateKey]),
    );
    expect(await ChatMessageModel.countDocuments({ tenantId: 'demo' })).toBe(DEMO_MESSAGES);
  }, 300_000);
});
