/**
 * The demo tenant's 会话内容存档 for `npm start`, against the local simulator, which keeps nothing between
 * starts: its feed restarts at seq 1 and it knows no public key. So on every start the tenant's archive key is
 * uploaded again (the first start generates it and saves it in the binding, as an admin would on 企微绑定),
 * the saved seq goes back to 0 to read the new feed from its start (real WeCom never restarts its seq), a
 * month of conversations is generated once per database (a restart does not pile up copies), and the ingest's
 * and consent sync's Schedules are ensured.
 */
import { createPublicKey } from 'node:crypto';
import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { ArchiveCursorModel } from '../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../lib/models/chat-message.model';
import { ensureArchiveConsentSchedule } from '../lib/temporal/archive-consent-schedule';
import { ensureArchiveIngestSchedule } from '../lib/temporal/archive-ingest-schedule';
import { archiveIngestScheduleId } from '../lib/temporal/workflow-ids';
import { generateArchiveKeyPair, publicKeyFingerprint } from '../lib/wecom/archive-key';
import { loadBinding, saveBinding } from '../lib/wecom/binding-store';
import { simulatorCall } from './demo/simulator-scenario';

/**
 * Messages generated on the first start: enough for every 内容存档 screen to have pages to scroll
 * (DEMO_ARCHIVE_MESSAGES, 1–20,000, changes it; the simulator's own limit).
 */
function demoArchiveSize(env: NodeJS.ProcessEnv): number {
  const raw = env.DEMO_ARCHIVE_MESSAGES ?? '1000';
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 20_000) {
    throw new Error(`DEMO_ARCHIVE_MESSAGES must be a whole number from 1 to 20000, not "${raw}"`);
  }
  return size;
}

interface DemoArchiveTarget {
  tenantId: string;
  corpId: string;
  wecomApiBase: string;
  temporal: Client;
  taskQueue: string;
}

/** Answers how many messages were generated (0 when the tenant's archive already had some). */
export async function seedDemoArchive(target: DemoArchiveTarget): Promise<number> {
  const { tenantId, corpId, wecomApiBase } = target;
  const binding = await loadBinding(tenantId);
  if (!binding) throw new Error(`tenant ${tenantId} has no WeCom binding to turn the archive on for`);

  const newest = binding.archiveKeys.reduce<(typeof binding.archiveKeys)[number] | undefined>(
    (best, key) => (!best || key.version > best.version ? key : best),
    undefined,
  );
  const privateKey = newest?.privateKey ?? generateArchiveKeyPair().privateKey;
  const publicKey = createPublicKey(privateKey).export({ type: 'pkcs1', format: 'pem' }).toString();
  const { publickey_ver: version } = await simulatorCall<{ publickey_ver: number }>(
    wecomApiBase,
    'POST',
    `/corps/${corpId}/archive/public-keys`,
    { publicKey },
  );
  // The simulator numbers uploads from 1 again: the key is saved under the version it answered.
  await saveBinding(tenantId, {
    ...binding,
    archiveKeys: [
      ...binding.archiveKeys.filter((key) => key.version !== version),
      { version, privateKey, publicKeyFingerprint: publicKeyFingerprint(publicKey) },
    ],
  });

  await ArchiveCursorModel.updateOne({ tenantId }, { $set: { seq: 0, updatedAt: new Date() } });
  let generated = 0;
  if (!(await ChatMessageModel.exists({ tenantId }))) {
    generated = demoArchiveSize(process.env);
    await simulatorCall(wecomApiBase, 'POST', `/corps/${corpId}/archive/conversations`, {
      count: generated,
      days: 30,
    });
  }
  // The api ensures these for archives it knows at its start; the demo's is turned on after it.
  await ensureArchiveIngestSchedule(target.temporal, target.taskQueue, tenantId);
  await ensureArchiveConsentSchedule(target.temporal, target.taskQueue, tenantId);
  // The feed is read now, not at the Schedule's first tick up to a minute away: the demo's 统计分析 counts the
  // archived chats, and waits for the first. A run already going is left alone (SKIP).
  await target.temporal.schedule
    .getHandle(archiveIngestScheduleId(tenantId))
    .trigger(ScheduleOverlapPolicy.SKIP);
  return generated;
}
