import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Logger } from '../logger';
import { SopPlanHandOffModel } from '../models/sop-plan-hand-off.model';
import { retryInBackground } from '../temporal/retry-in-background';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';
import { sopPlanWorkflowId } from '../temporal/workflow-ids';
import { sopPlanChangedSignal } from '../../workflows/sop-plan.contract';

/** Where plans' workflows run. */
export interface SopHandOffTarget {
  client: Client;
  taskQueue: string;
}

/**
 * How long a save waits for Temporal to take its hand-off. Without a limit the client retries an unreachable
 * Temporal for about 20 s, and the operator's 保存 with it; past this the save answers and the retry takes over.
 */
const HAND_OFF_WAIT_MS = 5_000;

/** Tells the plan's workflow to re-read the plan, starting it for a new plan (signalWithStart). */
async function signalPlan(target: SopHandOffTarget, tenantId: string, planId: string): Promise<void> {
  await signalWithStartWorkflow(target.client.workflow, 'sopPlanWorkflow', {
    workflowId: sopPlanWorkflowId(tenantId, planId),
    taskQueue: target.taskQueue,
    args: [{ tenantId, planId }],
    signal: sopPlanChangedSignal,
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'sop-plan', planId),
  });
}

/**
 * Writes a plan through `write` and hands the change to the plan's workflow, its single owner
 * (workflows/sop-plan.contract.ts), durably: a hand-off row goes down before the write and is removed once the
 * workflow has the signal. When Temporal cannot be reached within a few seconds the save still stands (the
 * failure is logged) and the row is handed over by a background retry as soon as Temporal answers again, or at
 * the next api or worker start (`handOverSopPlansAtStart`) if this process dies first.
 */
export async function writeSopPlanAndHandOff<T>(
  target: SopHandOffTarget,
  log: Logger,
  tenantId: string,
  planId: string,
  write: () => Promise<T>,
): Promise<T> {
  const handOffId = randomUUID();
  await SopPlanHandOffModel.create({ _id: handOffId, tenantId, planId, markedAt: new Date() });
  const written = await write();
  try {
    await target.client.connection.withDeadline(Date.now() + HAND_OFF_WAIT_MS, () =>
      signalPlan(target, tenantId, planId),
    );
    await SopPlanHandOffModel.deleteOne({ tenantId, _id: handOffId });
  } catch (error) {
    log.error({ err: error, tenantId, planId }, 'SOP plan hand-off to its workflow failed; retrying');
    // Not marked (the store is down too): the row is taken as abandoned a minute on, by the same retry.
    await SopPlanHandOffModel.updateOne(
      { tenantId, _id: handOffId },
      { $set: { failedAt: new Date() } },
    ).catch((markError: unknown) =>
      log.warn({ err: markError, tenantId, planId }, 'SOP plan hand-off not marked failed'),
    );
    retryPendingSopPlans(target, log);
  }
  return written;
}

/**
 * A save holds its hand-off row for its write and HAND_OFF_WAIT_MS; a row older than this, not marked failed,
 * was left by a process that died in between.
 */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Hands each plan with hand-off rows that failed or were abandoned to its workflow, and removes those rows once
 * its signal went through (one signal per plan: the workflow re-reads the whole plan). Rows of saves still under
 * way are theirs, and only counted (`waiting`): taking one could remove it before its plan was written, with its
 * change unhanded. Throws on the first failure.
 */
export async function handOverPendingSopPlans(
  target: SopHandOffTarget,
  now = Date.now(),
): Promise<{ plans: number; waiting: number }> {
  const rows = await SopPlanHandOffModel.find({}, { tenantId: 1, planId: 1, markedAt: 1, failedAt: 1 })
    .setOptions({ crossTenant: true })
    .lean();
  const ready = rows.filter((row) => row.failedAt || row.markedAt.getTime() < now - ABANDONED_AFTER_MS);
  const byPlan = new Map<string, { tenantId: string; planId: string; ids: string[] }>();
  for (const row of ready) {
    const key = `${row.tenantId}|${row.planId}`;
    const plan = byPlan.get(key) ?? { tenantId: row.tenantId, planId: row.planId, ids: [] };
    plan.ids.push(row._id);
    byPlan.set(key, plan);
  }
  for (const { tenantId, planId, ids } of byPlan.values()) {
    await signalPlan(target, tenantId, planId);
    for (const _id of ids) await SopPlanHandOffModel.deleteOne({ tenantId, _id });
  }
  return { plans: byPlan.size, waiting: rows.length - ready.length };
}

/**
 * Hands over failed and abandoned plan changes in the background (lib/temporal/retry-in-background.ts) until
 * none is left: after a save's hand-off failed, and after a start that could not hand over everything.
 */
export function retryPendingSopPlans(target: SopHandOffTarget, log: Logger): void {
  retryInBackground(
    'sop-plan-hand-offs',
    async () => {
      const { plans, waiting } = await handOverPendingSopPlans(target);
      if (plans > 0) log.info({ plans }, 'SOP plan changes handed to their workflows');
      return waiting === 0;
    },
    log,
  );
}

/** At api and worker start: plan changes left unhanded (a process died, Temporal was down) are handed over. */
export function handOverSopPlansAtStart(target: SopHandOffTarget, log: Logger): void {
  handOverPendingSopPlans(target).then(
    ({ plans, waiting }) => {
      if (plans > 0) log.info({ plans }, 'SOP plan changes handed to their workflows at start');
      if (waiting > 0) retryPendingSopPlans(target, log);
    },
    (error: unknown) => {
      log.warn({ err: error }, 'SOP plan changes not handed over at start; retrying');
      retryPendingSopPlans(target, log);
    },
  );
}
