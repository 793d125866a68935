// Slow (90 s): it waits out a killed worker's 1-minute heartbeat timeout.
// Mostly waits: a killed worker's heartbeat timeout runs out; the CPU stays mostly idle.
import { SopEnrollmentModel } from '../../lib/models/sop-enrollment.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import {
  cardsByMember,
  createPlanOverEveryone,
  expectHandedOutOnce,
  prepareSopCorp,
  type SopCorp,
} from '../support/sop-fixture';
import { freshTenantId } from '../support/tenant-fixture';
import { killableWorker } from '../support/worker-process';

const TENANT = freshTenantId('sop-kill');
const ADMIN_MOBILE = '13700000812';
const MESSAGE_PATH = '/message/send';
/** Each reminder takes this long to reach WeCom, so a kill lands while the to-dos' messages go out. */
const SLOW_MESSAGE_MS = 2500;

/**
 * The SOP engine through worker kills (issue 16): the worker runs as its own process and is killed for real
 * (SIGKILL) before a plan's first step and while its reminders go out; the simulator is WeCom, and what it
 * holds is what the members received. Every customer is handed out once, every 跟进人 reminded once.
 */
describe('SOP through worker kills', () => {
  let app: TestApp;
  let sop: SopCorp;
  let worker: ReturnType<typeof killableWorker>;

  beforeAll(async () => {
    app = await startTestApp('sop-kill');
    worker = killableWorker(app, 'sop-kill-worker');
    await worker.start();
    sop = await prepareSopCorp(app, { tenantId: TENANT, adminMobile: ADMIN_MOBILE, corpName: 'SOP崩溃企业' });
  }, 180_000);

  afterAll(async () => {
    await simulator.setLatency(MESSAGE_PATH, 0, sop?.corp.corpId);
    await worker?.kill();
    await app?.stop();
  });

  it('before: created while no worker runs, its members are reminded once a worker starts', async () => {
    await worker.kill();
    const planId = await createPlanOverEveryone(sop, '崩溃前创建');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await SopEnrollmentModel.countDocuments({ tenantId: TENANT, planId })).toBe(0);
    await worker.start();
    await expectHandedOutOnce(sop, planId, '崩溃前创建');
  }, 240_000);

  it('during: killed while the reminders go out, nobody is reminded twice or left out', async () => {
    await simulator.setLatency(MESSAGE_PATH, SLOW_MESSAGE_MS, sop?.corp.corpId);
    if (!worker.running) await worker.start();
    const planId = await createPlanOverEveryone(sop, '崩溃中提醒');
    // The first 跟进人 has the card: the next one's call is in flight when the kill lands.
    await eventually(async () => (await cardsByMember(sop, '崩溃中提醒')).size > 0, 120_000);
    await new Promise((resolve) => setTimeout(resolve, SLOW_MESSAGE_MS / 2));
    await worker.kill();
    await simulator.setLatency(MESSAGE_PATH, 0, sop?.corp.corpId);
    await worker.start();
    await expectHandedOutOnce(sop, planId, '崩溃中提醒');
  }, 300_000);
});
