import type {
  ScheduleOptionsStartWorkflowAction,
  WorkflowClient,
  WorkflowSignalWithStartOptions,
  WorkflowStartOptions,
} from '@temporalio/client';
import type { SignalDefinition, WithWorkflowArgs } from '@temporalio/common';
// Types only: the worker's workflows by type name, without loading workflow code into the api or the worker.
import type * as workflows from '../../workflows';

/** A workflow type the worker runs (an export of workflows/index.ts, the worker's bundle entry). */
export type WorkflowType = keyof typeof workflows;
type WorkflowOf<T extends WorkflowType> = (typeof workflows)[T];

/**
 * Starts a workflow by its type name. The name must be one the worker runs and `args` must fit that
 * workflow's parameters, so renaming a workflow or changing its input breaks the build, not a run.
 */
export function startWorkflow<T extends WorkflowType>(
  client: WorkflowClient,
  type: T,
  options: WorkflowStartOptions<WorkflowOf<T>>,
) {
  return client.start<WorkflowOf<T>>(type, options);
}

/** Starts and waits for a workflow's result, typed as startWorkflow is. */
export function executeWorkflow<T extends WorkflowType>(
  client: WorkflowClient,
  type: T,
  options: WorkflowStartOptions<WorkflowOf<T>>,
) {
  return client.execute<WorkflowOf<T>>(type, options);
}

/**
 * signalWithStart, typed as startWorkflow is; the signal is its definition from the workflow's contract file
 * (never a name), so its arguments are checked too.
 */
export function signalWithStartWorkflow<T extends WorkflowType, SignalArgs extends unknown[] = []>(
  client: WorkflowClient,
  type: T,
  options: WithWorkflowArgs<
    WorkflowOf<T>,
    WorkflowSignalWithStartOptions<SignalArgs> & { signal: SignalDefinition<SignalArgs> }
  >,
) {
  return client.signalWithStart<WorkflowOf<T>, SignalArgs>(type, options);
}

/** A Schedule's action starting a workflow, typed as startWorkflow is. */
export function startWorkflowAction<T extends WorkflowType>(
  type: T,
  action: Omit<ScheduleOptionsStartWorkflowAction<WorkflowOf<T>>, 'type' | 'workflowType'>,
): ScheduleOptionsStartWorkflowAction<WorkflowOf<T>> {
  return { type: 'startWorkflow', workflowType: type, ...action };
}
