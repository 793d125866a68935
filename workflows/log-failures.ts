import {
  ApplicationFailure,
  ContinueAsNew,
  isCancellation,
  log,
  TemporalFailure,
  type Next,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { failureCause } from './failure-cause';

/**
 * One line when a workflow run does not succeed, written through the SDK's replay-aware `log`, so a replay
 * never writes it again. A Temporal failure fails the workflow (error); any other error fails only the
 * workflow task, which Temporal retries until the code is fixed (warn). A cancelled run and continue-as-new
 * are not failures. The log attributes add the workflow's type and id.
 */
class LogWorkflowFailures implements WorkflowInboundCallsInterceptor {
  async execute(
    input: WorkflowExecuteInput,
    next: Next<WorkflowInboundCallsInterceptor, 'execute'>,
  ): Promise<unknown> {
    try {
      return await next(input);
    } catch (error) {
      if (error instanceof ContinueAsNew || isCancellation(error)) throw error;
      const fields = { cause: failureCause(error), errorType: errorType(error) };
      if (error instanceof TemporalFailure) log.error('workflow failed', fields);
      else log.warn('workflow task failed; Temporal retries it', fields);
      throw error;
    }
  }
}

function errorType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  return error instanceof Error ? error.name : typeof error;
}

/** Loaded into every workflow by the worker (WorkerOptions.interceptors.workflowModules). */
export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new LogWorkflowFailures()] });
