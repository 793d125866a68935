// Slow (90 s): it stops and restarts Temporal and the database several times.
// Mostly waits: Temporal and the database stay down for a while, several times; the CPU stays mostly idle.
import { temporal as proto } from '@temporalio/proto';
import { SopEnrollmentModel } from '../../lib/models/sop-enrollment.model';
import { sopPlanWorkflowId } from '../../lib/temporal/workflow-ids';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { killableServers, killableServersAvailable, type KillableServer } from '../support/killable-servers';
import { simulator } from '../support/sim-client';
import {
  cardsByMember,
  createPlanOverEveryone,
  expectHandedOutOnce,
  prepareSopCorp,
  type SopCorp,
} from '../support/sop-fixture';
import { stackEnv } from '../support/stack-env';
import { startTcpRelay, throughRelay, type TcpRelay } from '../support/tcp-relay';
import { freshTenantId } from '../support/tenant-fixture';
import { killableWorker } from '../support/worker-process';

const TENANT = freshTenantId('sop-outage');
const ADMIN_MOBILE = '13700000813';
const MESSAGE_PATH = '/message/send';
/** Each reminder takes this long to reach WeCom, so a kill lands while the to-dos' messages go out. */
const SLOW_MESSAGE_MS = 2500;
/** Each chunk the worker sends Elasticsearch is held this long, so a kill lands while members enter. */
const SLOW_SEARCH_MS = 1500;
/** How long a killed server stays down. */
const DOWN_MS = 4000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const describeWithServers =
  killableServersAvailable.temporal && killableServersAvailable.store ? describe : describe.skip;

/**
 * The SOP engine through Temporal and database kills (issue 16): the api and a worker process run against a
 * Temporal dev server and a PostgreSQL + FerretDB store of this file's own (test/support/killable-servers.ts),
 * each killed for real (SIGKILL) while a plan's members enter (switch-on) and while its reminders go out
 * (fire), and started again on the same data. Afterwards every customer is handed out once and WeCom (the
 * simulator) delivered exactly one reminder per to-do. A plan saved while Temporal is down is run once it is
 * back.
 */
describeWithServers('SOP through Temporal and database kills', () => {
  let servers: ReturnType<typeof killableServers>;
  let temporal: Awaited<ReturnType<typeof servers.temporal>>;
  let store: Awaited<ReturnType<typeof servers.store>>;
  let slowSearch: TcpRelay;
  let app: TestApp;
  let sop: SopCorp;
  let worker: ReturnType<typeof killableWorker>;

  beforeAll(async () => {
    servers = killableServers('sop-outages');
    [temporal, store] = await Promise.all([servers.temporal(), servers.store()]);
    const es = new URL(stackEnv.esUrl);
    slowSearch = await startTcpRelay({ host: es.hostname, port: Number(es.port) });
    app = await startTestApp('sop-outages', {
      TEMPORAL_ADDRESS: temporal.address,
      MONGO_URL: `${store.mongoUrl}/sop_outages`,
    });
    worker = killableWorker(app, 'sop-outages-worker', { ES_URL: throughRelay(stackEnv.esUrl, slowSearch) });
    await worker.start();
    sop = await prepareSopCorp(app, { tenantId: TENANT, adminMobile: ADMIN_MOBILE, corpName: 'SOP停机企业' });
  }, 300_000);

  afterEach(async () => {
    slowSearch.setDelay(0);
    await simulator.setLatency(MESSAGE_PATH, 0, sop?.corp.corpId);
  });

  afterAll(async () => {
    await worker?.kill();
    await app?.stop();
    await slowSearch?.close();
    await servers?.stopAll();
  }, 120_000);

  /** Resolves once the plan's workflow runs `activityType` (the worker has it in hand). */
  async function running(planId: string, activityType: string): Promise<void> {
    const handle = app.temporal.workflow.getHandle(sopPlanWorkflowId(TENANT, planId));
    await eventually(async () => {
      const { raw } = await handle.describe();
      return raw.pendingActivities?.some(
        (activity) =>
          activity.activityType?.name === activityType &&
          activity.state === proto.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
      );
    }, 120_000);
  }

  /** Kills `server` for DOWN_MS, then starts it again. */
  async function outage(server: KillableServer): Promise<void> {
    await server.kill();
    await sleep(DOWN_MS);
    await server.start();
  }

  /** Kills `server` while the members of a new plan enter (its first step reads the audience slowly). */
  async function killDuringSwitchOn(server: KillableServer, name: string): Promise<void> {
    slowSearch.setDelay(SLOW_SEARCH_MS);
    const planId = await createPlanOverEveryone(sop, name);
    await running(planId, 'sopPlanStep');
    await sleep(SLOW_SEARCH_MS / 2);
    slowSearch.setDelay(0);
    await outage(server);
    await expectHandedOutOnce(sop, planId, name, 240_000);
  }

  /** Kills `server` while a plan's reminders go out: the first 跟进人 has the card, the next one's is in flight. */
  async function killDuringFire(server: KillableServer, name: string): Promise<void> {
    await simulator.setLatency(MESSAGE_PATH, SLOW_MESSAGE_MS, sop?.corp.corpId);
    const planId = await createPlanOverEveryone(sop, name);
    await eventually(async () => (await cardsByMember(sop, name)).size > 0, 120_000);
    await sleep(SLOW_MESSAGE_MS / 2);
    await simulator.setLatency(MESSAGE_PATH, 0, sop?.corp.corpId);
    await outage(server);
    await expectHandedOutOnce(sop, planId, name, 240_000);
  }

  it('Temporal killed while the members of a plan switched on enter', async () => {
    await killDuringSwitchOn(temporal, 'Temporal停机开启');
  }, 300_000);

  it('Temporal killed while the reminders go out', async () => {
    await killDuringFire(temporal, 'Temporal停机提醒');
  }, 300_000);

  it('the database (PostgreSQL and FerretDB) killed while the members of a plan switched on enter', async () => {
    await killDuringSwitchOn(store, '数据库停机开启');
  }, 300_000);

  it('the database killed while the reminders go out', async () => {
    await killDuringFire(store, '数据库停机提醒');
  }, 300_000);

  it('a plan saved, switched off and on again while Temporal is down runs once Temporal is back', async () => {
    const name = 'Temporal停机时保存';
    await temporal.kill();
    // Each save answers (its hand-off to the workflow failed) and the hand-offs wait for Temporal.
    const began = Date.now();
    const planId = await createPlanOverEveryone(sop, name);
    for (const enabled of [false, true])
      await sop.admin.put(`/api/sop/plans/${planId}/switch`).send({ enabled }).expect(200);
    const savesMs = Date.now() - began;
    await sleep(DOWN_MS);
    expect(await SopEnrollmentModel.countDocuments({ tenantId: TENANT, planId })).toBe(0);
    await temporal.start();
    await expectHandedOutOnce(sop, planId, name, 240_000);
    // A save waits a few seconds for Temporal, not the client's 20 s of retries.
    expect(savesMs).toBeLessThan(3 * 8_000);
  }, 400_000);
});
