// Slow (35 s): it starts worker processes and waits for retried activities and a graceful stop.
// Mostly waits: worker processes start, retry activities on their backoff and stop within their grace period; the CPU stays mostly idle.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { WorkflowFailedError } from '@temporalio/client';
import { DepartmentModel } from '../../lib/models/department.model';
import { SHUTDOWN_GRACE_MS } from '../../worker/shutdown-limits';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { populateCorp, populateLargeCorp, simulator } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { startWorkerProcess } from '../support/worker-process';
import { startWorkflow } from '../../lib/temporal/typed-workflows';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const WARN = 40;
const ERROR = 50;

/**
 * The worker as `npm start` runs it (its own process, LOG_LEVEL info, its output in a log file): what its log
 * says when activities fail and workflows fail, and how it stops on Ctrl-C with an activity in flight.
 */
describe('the worker process: its log and its stop', () => {
  let app: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    app = await startTestApp('worker-log');
  }, 60_000);

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** Starts a worker process logging to .stack/test/logs/<name>.log; resolves once it polls. */
  async function startWorker(name: string): Promise<{ worker: ChildProcess; logFile: string }> {
    const started = startWorkerProcess(app, { logName: name });
    workers.push(started.worker);
    await started.started;
    return started;
  }

  /** Every line of the log, each of which must be JSON. */
  function logLines(logFile: string): LogLine[] {
    return fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  }

  const startOrgSync = (tenantId: string, run: string) =>
    startWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${tenantId}/${run}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId, trigger: 'manual' }],
    });

  it('logs each retried activity attempt once (warn), and a failed activity and workflow once each (error)', async () => {
    const { logFile } = await startWorker('worker-log-failures');

    // WeCom busy: the department step fails and is retried until WeCom answers again.
    const busyTenant = freshTenantId('日志重试');
    const busyCorp = await simulator.createCorp('日志重试企业');
    await populateCorp(busyCorp.corpId, 3);
    await createBoundTenant(busyTenant, busyCorp, { adminMobile: '13700000071' });
    await simulator.setOutage('busy', ['/department/list'], busyCorp.corpId);
    const retried = await startOrgSync(busyTenant, 'busy');
    const retryLines = () =>
      logLines(logFile).filter(
        (line) => line.workflowId === retried.workflowId && line.msg === 'activity attempt failed',
      );
    await eventually(async () => retryLines().length >= 2, 60_000);
    await simulator.setOutage('off', undefined, busyCorp.corpId);
    await retried.result();

    const retries = retryLines();
    expect(retries.map((line) => line.attempt)).toEqual(retries.map((_, i) => i + 1));
    for (const line of retries) {
      expect(line).toMatchObject({
        level: WARN,
        activityType: 'syncDepartments',
        workflowType: 'orgSyncWorkflow',
        willRetry: true,
        cause: 'WeCom /department/list failed: -1 system busy',
      });
      // An expected retry is one short line: no stack.
      expect(line.err).toBeUndefined();
    }

    // A wrong secret: WeCom refuses the binding, the step fails at once and so does the sync.
    const refusedTenant = freshTenantId('日志失败');
    const refusedCorp = await simulator.createCorp('日志失败企业');
    await createBoundTenant(
      refusedTenant,
      { ...refusedCorp, secrets: { ...refusedCorp.secrets, contacts: 'not-the-contacts-secret' } },
      { adminMobile: '13700000072' },
    );
    const failed = await startOrgSync(refusedTenant, 'refused');
    await expect(failed.result()).rejects.toBeInstanceOf(WorkflowFailedError);

    const ofFailed = await eventually(async () => {
      const lines = logLines(logFile).filter((line) => line.workflowId === failed.workflowId);
      return lines.some((line) => line.msg === 'workflow failed') ? lines : undefined;
    });
    const activityFailed = ofFailed.filter((line) => line.msg === 'activity failed');
    expect(activityFailed).toHaveLength(1);
    expect(activityFailed[0]).toMatchObject({
      level: ERROR,
      activityType: 'syncDepartments',
      attempt: 1,
      willRetry: false,
      errorType: 'WeComConfigurationError',
    });
    // A final failure carries its stack.
    expect((activityFailed[0].err as { stack?: string }).stack).toContain('WeCom');
    const workflowFailed = ofFailed.filter((line) => line.msg === 'workflow failed');
    expect(workflowFailed).toHaveLength(1);
    expect(workflowFailed[0]).toMatchObject({ level: ERROR, workflowType: 'orgSyncWorkflow' });
    expect(workflowFailed[0].cause).toMatch(/^org sync failed: WeCom \/gettoken failed: 40001/);

    // The SDK's own lines about the same failures stay below info.
    const all = logLines(logFile);
    expect(all.filter((line) => /^(Activity|Workflow) failed$/.test(line.msg) && line.level >= 30)).toEqual(
      [],
    );
  }, 180_000);

  it('stops on SIGINT within its grace period with an activity in flight, and exits 0', async () => {
    const tenantId = freshTenantId('日志停止');
    const corp = await simulator.createCorp('日志停止企业');
    await populateLargeCorp(corp, 6, 2);
    await createBoundTenant(tenantId, corp, { adminMobile: '13700000073' });
    // Each department's members take 4 s to read: the staff step outlasts the grace period.
    await simulator.setLatency('/user/list', 4000, corp.corpId);
    const { worker, logFile } = await startWorker('worker-log-stop');
    const sync = await startOrgSync(tenantId, 'stopped');
    await eventually(async () => (await DepartmentModel.countDocuments({ tenantId })) > 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) => {
      const signalledAt = Date.now();
      worker.once('exit', (code) => resolve({ code, afterMs: Date.now() - signalledAt }));
    });
    worker.kill('SIGINT');
    const { code, afterMs } = await exited;

    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(SHUTDOWN_GRACE_MS + 4000);
    const lines = logLines(logFile);
    expect(lines.find((line) => line.msg === 'worker stopping')).toMatchObject({ signal: 'SIGINT' });
    expect(lines[lines.length - 1].msg).toBe('worker stopped');
    const stopped = lines.filter(
      (line) => line.workflowId === sync.workflowId && line.msg === 'activity attempt failed',
    );
    expect(stopped).toEqual([
      expect.objectContaining({
        level: 30,
        activityType: 'syncStaffOfDepartments',
        willRetry: true,
        cause: 'the worker shut down',
      }),
    ]);
  }, 180_000);
});
