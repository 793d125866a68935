import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type {
  AnalyticsBackfillRequest,
  AnalyticsBackfillStatus,
} from '../../../lib/contracts/analytics.contract';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import { analyticsBackfillWorkflowId } from '../../../lib/temporal/workflow-ids';
import { analyticsBackfillStatusQuery } from '../../../workflows/analytics-rollup.contract';
import { chinaDayOf, daysFromTo } from '../../../workflows/china-day';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

/** How long 补算's progress waits for its workflow to answer: the page polls it again a few seconds on. */
const STATUS_QUERY_WAIT_MS = 3_000;

const NEVER_RUN: AnalyticsBackfillStatus = {
  running: false,
  from: null,
  to: null,
  daysDone: 0,
  daysTotal: 0,
  lastDay: null,
  failure: null,
};

/**
 * 补算 (W-16): recomputes the tenant's daily rollups of a past range in a workflow, one day at a time (WeCom's
 * figures for the days it still answers, 180 days back). Only days before today: today is not over. One backfill
 * per tenant at a time (its workflow id is the tenant's): a start while one runs is refused.
 */
export async function startAnalyticsBackfill(
  caller: Caller,
  request: AnalyticsBackfillRequest,
  { temporal }: Pick<AppContext, 'temporal'>,
  now = new Date(),
): Promise<AnalyticsBackfillStatus> {
  const { tenantId } = caller;
  if (request.to >= chinaDayOf(now.getTime()))
    throw badRequest('只能补算今天之前的日期', 'BACKFILL_NOT_PAST');
  const workflowId = analyticsBackfillWorkflowId(tenantId);
  try {
    await startWorkflow(temporal.client.workflow, 'analyticsBackfillWorkflow', {
      workflowId,
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, from: request.from, to: request.to }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'analytics-backfill', tenantId),
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      throw conflict('补算进行中，请等待完成后再试', 'BACKFILL_RUNNING');
    throw unavailable('补算服务暂不可用，请稍后再试', 'TEMPORAL_UNAVAILABLE');
  }
  await recordAudit(caller, {
    action: 'analytics.backfill',
    target: { type: 'workflow', id: workflowId, name: `统计补算 ${request.from} 至 ${request.to}` },
    after: request,
  });
  const daysTotal = daysFromTo(request.from, request.to).length;
  return { ...NEVER_RUN, running: true, from: request.from, to: request.to, daysTotal };
}

/**
 * The tenant's latest backfill: a running one answers its query, a finished one its result; one that was
 * terminated or timed out shows as stopped.
 */
export async function analyticsBackfillStatus(
  { tenantId }: Caller,
  { temporal }: Pick<AppContext, 'temporal'>,
): Promise<AnalyticsBackfillStatus> {
  const handle = temporal.client.workflow.getHandle(analyticsBackfillWorkflowId(tenantId));
  let status;
  try {
    ({ status } = await handle.describe());
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return NEVER_RUN;
    throw unavailable('补算服务暂不可用，请稍后再试', 'TEMPORAL_UNAVAILABLE');
  }
  if (status.name === 'COMPLETED') return (await handle.result()) as AnalyticsBackfillStatus;
  if (status.name !== 'RUNNING') return { ...NEVER_RUN, failure: `补算已中止（${status.name}）` };
  // A run no worker is answering for now (its first workflow task not taken yet, every worker busy or down)
  // cannot answer a query, and Temporal would hold the request until a worker comes: it is running, with no
  // progress to tell, said within a few seconds (the api-fuzz run saw this GET hang 30 s).
  return temporal.client.connection
    .withDeadline(Date.now() + STATUS_QUERY_WAIT_MS, () => handle.query(analyticsBackfillStatusQuery))
    .catch(() => ({ ...NEVER_RUN, running: true }));
}
