import type { Client } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { TestWorkflowEnvironment, type DevServerConfig } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { testWorkflowCode } from './test-workflow-code';
import { stackEnv } from './stack-env';

/** A Temporal server for one workflow test file, and workers that run the worker's real workflow bundle. */
export interface WorkflowTestEnv {
  readonly client: Client;
  /** The server's clock: skipped ahead by timers on the time-skipping server. */
  currentTimeMs(): Promise<number>;
  /** Waits `duration` of server time (skipped at once on the time-skipping server). */
  sleep(duration: Duration): Promise<void>;
  /** Runs `body` while a worker polls `taskQueue` with workflows/index.ts and these (fake) activities. */
  runWorker<T>(taskQueue: string, activities: object, body: () => Promise<T>): Promise<T>;
}

/**
 * The dev server writes to the test output directly: its banner and start-up warnings, for every file that
 * starts one. Errors only, and no banner (`--output none`).
 */
export const QUIET_DEV_SERVER = {
  log: { format: 'pretty', level: 'error' },
  extraArgs: ['--output', 'none'],
} satisfies Partial<DevServerConfig>;

/**
 * Starts the server before the file's tests and stops it after them. `time-skipping`: the test server, whose
 * clock jumps to the next timer, for workflows that sleep for days. `local`: the Temporal dev server in real
 * time, e.g. for search attributes, which the test server lacks.
 */
export function workflowTestEnv(
  server: 'time-skipping' | 'local',
  options: Pick<DevServerConfig, 'searchAttributes'> = {},
): WorkflowTestEnv {
  let env: TestWorkflowEnvironment | undefined;
  const started = (): TestWorkflowEnvironment => {
    if (!env) throw new Error('the workflow test server is not up: use workflowTestEnv at describe level');
    return env;
  };

  beforeAll(async () => {
    env =
      server === 'time-skipping'
        ? await TestWorkflowEnvironment.createTimeSkipping({
            server: { executable: { type: 'existing-path', path: stackEnv.temporalTestServerBin } },
          })
        : await TestWorkflowEnvironment.createLocal({
            server: {
              executable: { type: 'existing-path', path: stackEnv.temporalBin },
              searchAttributes: options.searchAttributes,
              ...QUIET_DEV_SERVER,
            },
          });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  return {
    get client() {
      return started().client;
    },
    currentTimeMs: () => started().currentTimeMs(),
    sleep: (duration) => started().sleep(duration),
    async runWorker(taskQueue, activities, body) {
      const worker = await Worker.create({
        connection: started().nativeConnection,
        taskQueue,
        ...(await testWorkflowCode()),
        activities,
      });
      return worker.runUntil(body);
    },
  };
}
