import { Client, Connection, WorkflowFailedError, type WorkflowExecutionInfo } from '@temporalio/client';
import type { WorkflowType } from '../../lib/temporal/typed-workflows';
import { elapsed, log } from './log';

/** The background steps that fill the demo after `npm start` is up, as the workflows that run them. */
const DEMO_STEPS: Array<{
  workflowType: WorkflowType;
  what: string;
  result: (value: unknown) => string;
  /** Counts only runs started once the simulator was connected (a run before it could not reach the feed). */
  afterSimulator?: true;
}> = [
  {
    workflowType: 'orgSyncWorkflow',
    what: 'org sync (组织架构)',
    result: (value) => {
      const { departments, staff } = value as { departments: number; staff: number };
      return `${departments} departments, ${staff} staff`;
    },
  },
  { workflowType: 'corpTagSyncWorkflow', what: 'corp tag sync (标签管理)', result: (n) => `${n} tags` },
  {
    workflowType: 'customerGroupSyncWorkflow',
    what: 'customer group sync (客户群)',
    result: (n) => `${n} groups`,
  },
  { workflowType: 'customerSyncWorkflow', what: 'customer sync (客户)', result: (n) => `${n} customers` },
  {
    workflowType: 'archiveIngestWorkflow',
    what: 'chat archive ingest (内容存档)',
    // The api starts an ingest at its start; on a restart that run comes before the archive key is uploaded
    // to the new simulator again, and would report the archive as not enabled.
    afterSimulator: true,
    result: (value) => {
      const { stored, idleReason } = value as { stored: number; idleReason?: string };
      return `${stored} messages stored${idleReason ? ` (${idleReason})` : ''}`;
    },
  },
];

const POLL_MS = 2_000;
/** A step with no run by then did not run at this start (its data is from an earlier one). */
const NO_RUN_AFTER_MS = 90_000;
/** A run still going this long gets a line saying what it waits on. */
const SLOW_RUN_EVERY_MS = 60_000;
const GIVE_UP_AFTER_MS = 15 * 60_000;

/**
 * Follows the demo's background steps in Temporal (the same runs the Temporal UI shows) and prints one line
 * when each finishes or fails, a line when one is slow (with the activity it is retrying and why), and a last
 * line when the demo is complete. Never throws: a watcher that fails must not stop the stack.
 */
export async function watchDemo(options: {
  temporalAddress: string;
  namespace: string;
  tenantId: string;
  /** When `npm start` began: runs started before belong to an earlier start. */
  since: number;
  /** When connecting the simulator's callbacks and archive began (absent with an external simulator). */
  simulatorSince?: number;
}): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address: options.temporalAddress });
    const client = new Client({ connection, namespace: options.namespace });
    await followSteps(client, options);
  } catch (error) {
    log.warn(
      `Demo: could not follow the background steps (${(error as Error).message}); see the Temporal UI`,
    );
  } finally {
    await connection?.close();
  }
}

async function followSteps(
  client: Client,
  options: { tenantId: string; since: number; simulatorSince?: number },
): Promise<void> {
  const watching = Date.now();
  const pending = new Set(DEMO_STEPS);
  const slowNoted = new Map<string, number>();
  const problems: string[] = [];
  while (pending.size > 0 && Date.now() - watching < GIVE_UP_AFTER_MS) {
    for (const step of [...pending]) {
      const since = step.afterSimulator ? (options.simulatorSince ?? options.since) : options.since;
      const runs = await listRuns(
        client,
        `WorkflowType = '${step.workflowType}' AND TenantId = '${options.tenantId}' AND StartTime >= '${new Date(since).toISOString()}'`,
      );
      const closed = runs.find(
        (run) => run.status.name !== 'RUNNING' && run.status.name !== 'CONTINUED_AS_NEW',
      );
      if (closed) {
        pending.delete(step);
        const outcome = await outcomeOf(client, closed);
        if (outcome.ok)
          log.done(`Demo: ${step.what} finished: ${step.result(outcome.value)} (${elapsed(options.since)})`);
        else {
          problems.push(step.what);
          log.fail(
            `Demo: ${step.what} failed: ${outcome.reason} (workflow ${closed.workflowId} in the Temporal UI)`,
          );
        }
        continue;
      }
      const running = runs.find((run) => run.status.name === 'RUNNING');
      if (!running) {
        if (Date.now() - watching > NO_RUN_AFTER_MS) pending.delete(step);
        continue;
      }
      const lastNote = slowNoted.get(step.workflowType) ?? running.startTime.getTime();
      if (Date.now() - lastNote >= SLOW_RUN_EVERY_MS) {
        slowNoted.set(step.workflowType, Date.now());
        log.warn(`Demo: ${step.what} still running: ${await waitingOn(client, running)}`);
      }
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (pending.size > 0) {
    log.warn(
      `Demo: still not finished after ${elapsed(watching)}: ${[...pending].map((s) => s.what).join(', ')}`,
    );
  } else if (problems.length > 0) {
    log.warn(`Demo: ready except ${problems.join(', ')} (${elapsed(options.since)} since npm start)`);
  } else {
    log.done(`Demo: complete (${elapsed(options.since)} since npm start)`);
  }
}

async function listRuns(client: Client, query: string): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const run of client.workflow.list({ query })) runs.push(run);
  return runs;
}

async function outcomeOf(
  client: Client,
  run: WorkflowExecutionInfo,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  try {
    const value = await client.workflow.getHandle(run.workflowId, run.runId).result();
    return { ok: true, value };
  } catch (error) {
    const cause = error instanceof WorkflowFailedError && error.cause ? error.cause : error;
    return { ok: false, reason: (cause as Error).message };
  }
}

/** The activity a slow run is on: its attempt and last failure when it is being retried. */
async function waitingOn(client: Client, run: WorkflowExecutionInfo): Promise<string> {
  const { raw } = await client.workflow.getHandle(run.workflowId, run.runId).describe();
  const activity = raw.pendingActivities?.[0];
  if (!activity) return `${run.workflowId}, between steps`;
  const name = activity.activityType?.name ?? 'an activity';
  const attempt = activity.attempt ?? 1;
  return attempt > 1
    ? `${name}, attempt ${attempt}, last failure: ${activity.lastFailure?.message ?? 'unknown'}`
    : `${name} (${run.workflowId})`;
}
