// Slow (165 s): it waits out a killed worker's heartbeat timeout, and each store's outage while the ingest runs.
// Mostly waits: a killed worker's heartbeat timeout and the stores' outages run out; the CPU stays mostly idle.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { WorkflowHandle } from '@temporalio/client';
import mongoose from 'mongoose';
import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { archiveTotals, rotateArchiveKey, testSearchClient } from '../support/archive-fixture';
import { archiveScenario, populateCustomerCorp, simulator } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';
import { startTcpRelay, throughRelay, type TcpRelay } from '../support/tcp-relay';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { startWorkerProcess } from '../support/worker-process';
import { startWorkflow } from '../../lib/temporal/typed-workflows';

const MESSAGES = 1000;
const BATCH = 100;

/**
 * The chat-archive ingest loses nothing and doubles nothing when, in the middle of a batch, its worker is
 * killed or MongoDB or Elasticsearch becomes unreachable for it. The worker runs as its own process; the
 * outages are a TCP relay between it and the shared server that the test cuts and restores.
 */
describe('chat archive ingest through failures', () => {
  let app: TestApp;
  let es: ElasticsearchClient;
  const workers: ChildProcess[] = [];
  const proxies: TcpRelay[] = [];

  beforeAll(async () => {
    app = await startTestApp('archive-outages');
    es = testSearchClient();
  }, 60_000);

  // Every scenario's workers poll the suite's task queue: none may outlive its scenario and take the next one's work.
  afterEach(async () => {
    await Promise.all(
      workers.splice(0).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
            worker.once('exit', () => resolve());
            worker.kill('SIGKILL');
          }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await es?.close();
    await app?.stop();
  });

  let workerLog = '';

  /** A worker process; every worker of every scenario logs to .stack/test/logs/archive-outages-worker.log. */
  function startWorker(env: { mongoUrl?: string; esUrl?: string } = {}): ChildProcess {
    const { worker, logFile } = startWorkerProcess(app, {
      logName: 'archive-outages-worker',
      append: true,
      env: { MONGO_URL: env.mongoUrl ?? app.config.mongoUrl, ES_URL: env.esUrl ?? stackEnv.esUrl },
    });
    workers.push(worker);
    workerLog = logFile;
    return worker;
  }

  async function proxyTo(url: string): Promise<TcpRelay> {
    const target = new URL(url);
    const proxy = await startTcpRelay({ host: target.hostname, port: Number(target.port) });
    proxies.push(proxy);
    return proxy;
  }

  /** A corp with customers and groups, its archive on, and MESSAGES archived conversations waiting. */
  async function archivedTenant(prefix: string, adminMobile: string): Promise<string> {
    const tenantId = freshTenantId(prefix);
    const corp = await simulator.createCorp(`${prefix}企业`);
    await populateCustomerCorp(corp.corpId);
    await createBoundTenant(tenantId, corp, { adminMobile });
    await rotateArchiveKey([tenantId], corp.corpId);
    await archiveScenario.generateConversations(corp.corpId, {
      count: MESSAGES,
      msgtypes: ['text', 'link', 'image', 'file', 'chatrecord'],
    });
    return tenantId;
  }

  const startIngest = (tenantId: string): Promise<WorkflowHandle> =>
    startWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${tenantId}/outage`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId, limit: BATCH }],
    });

  const savedSeq = async (tenantId: string) =>
    (await ArchiveCursorModel.findOne({ tenantId }).lean())?.seq ?? 0;

  /**
   * The ingest's result; when it does not come within `ms`, fails with what Temporal says the run waits on
   * (its pending activity, attempt and last failure), which a bare test timeout would not tell.
   */
  async function finished(
    handle: WorkflowHandle,
    { ms = 200_000, probe }: { ms?: number; probe?: () => Promise<string> } = {},
  ): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    try {
      if ((await Promise.race([handle.result(), late])) !== 'late') return;
    } finally {
      clearTimeout(timer);
    }
    const { raw } = await handle.describe();
    const pending = raw.pendingActivities?.map((activity) => ({
      type: activity.activityType?.name,
      state: activity.state,
      attempt: activity.attempt,
      lastHeartbeat: activity.lastHeartbeatTime?.seconds?.toString(),
      lastFailure: activity.lastFailure?.message,
    }));
    // Whether the workers still run, and what they last logged: what a run on CI leaves to go by.
    const alive = workers.map((worker) => worker.exitCode === null && worker.signalCode === null);
    const lastLines = fs.readFileSync(workerLog, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    const probed = probe ? `; ${await probe()}` : '';
    throw new Error(
      `the ingest did not finish within ${ms} ms; pending: ${JSON.stringify(pending)}; ` +
        `workers alive: ${JSON.stringify(alive)}${probed}; the workers' log ends:\n${lastLines}`,
    );
  }

  async function pingThrough(mongoUrl: string): Promise<string> {
    const client = new mongoose.mongo.MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.db().command({ ping: 1 });
      return 'a fresh MongoDB client through the relay gets an answer';
    } catch (error) {
      return `a fresh MongoDB client through the relay fails: ${(error as Error).message}`;
    } finally {
      await client.close();
    }
  }

  async function expectWhole(tenantId: string): Promise<void> {
    const totals = await archiveTotals(es, tenantId);
    expect(totals).toEqual({
      stored: MESSAGES,
      distinctSeqs: MESSAGES,
      indexed: MESSAGES,
      groupMessages: totals.countedGroupMessages,
      countedGroupMessages: totals.countedGroupMessages,
    });
    expect(await savedSeq(tenantId)).toBe(MESSAGES);
  }

  it('a worker killed between the MongoDB and the Elasticsearch write of a batch', async () => {
    const tenantId = await archivedTenant('存档崩溃', '13700000061');
    // Elasticsearch answers slowly through the relay, so each batch sits in MongoDB for a while before its seq is saved.
    const slowEs = await proxyTo(stackEnv.esUrl);
    slowEs.setDelay(1500);
    const first = startWorker({ esUrl: throughRelay(stackEnv.esUrl, slowEs) });
    const handle = await startIngest(tenantId);

    const atKill = await eventually(async () => {
      const seq = await savedSeq(tenantId);
      const stored = await ChatMessageModel.countDocuments({ tenantId });
      return seq >= BATCH && stored > seq ? { seq, stored } : undefined;
    }, 120_000);
    first.kill('SIGKILL');
    expect(atKill.stored).toBeGreaterThan(atKill.seq);

    slowEs.setDelay(0);
    startWorker();
    await finished(handle);
    await expectWhole(tenantId);
  }, 300_000);

  it('Elasticsearch unreachable in the middle of the ingest', async () => {
    const tenantId = await archivedTenant('存档搜索中断', '13700000062');
    const esRelay = await proxyTo(stackEnv.esUrl);
    esRelay.setDelay(300);
    startWorker({ esUrl: throughRelay(stackEnv.esUrl, esRelay) });
    const handle = await startIngest(tenantId);

    await eventually(async () => (await savedSeq(tenantId)) >= 2 * BATCH, 120_000);
    esRelay.cut();
    // The batch in flight fails and is retried against a dead Elasticsearch: the seq stays where it was.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const duringOutage = await savedSeq(tenantId);
    await new Promise((resolve) => setTimeout(resolve, 8000));
    expect(await savedSeq(tenantId)).toBe(duringOutage);
    expect(duringOutage).toBeLessThan(MESSAGES);
    expect(esRelay.dropped).toBeGreaterThan(0);

    esRelay.setDelay(0);
    esRelay.restore();
    await finished(handle);
    await expectWhole(tenantId);
  }, 300_000);

  it('MongoDB unreachable in the middle of the ingest', async () => {
    const tenantId = await archivedTenant('存档库中断', '13700000063');
    const mongoRelay = await proxyTo(app.config.mongoUrl.replace(/^mongodb:/, 'http:'));
    startWorker({ mongoUrl: throughRelay(app.config.mongoUrl, mongoRelay) });
    const handle = await startIngest(tenantId);

    await eventually(async () => (await savedSeq(tenantId)) >= 2 * BATCH, 120_000);
    mongoRelay.cut();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const duringOutage = await savedSeq(tenantId);
    await new Promise((resolve) => setTimeout(resolve, 8000));
    expect(await savedSeq(tenantId)).toBe(duringOutage);
    expect(duringOutage).toBeLessThan(MESSAGES);
    expect(mongoRelay.dropped).toBeGreaterThan(0);

    mongoRelay.restore();
    // Should the worker not recover, whether a fresh client gets through the same relay tells a database that
    // is not reachable from a driver that no longer reaches one that is.
    await finished(handle, { probe: () => pingThrough(throughRelay(app.config.mongoUrl, mongoRelay)) });
    await expectWhole(tenantId);
  }, 300_000);
});
