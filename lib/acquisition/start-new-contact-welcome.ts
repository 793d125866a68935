import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { newContactWelcomeWorkflowId } from '../temporal/workflow-ids';
import type { CallbackEnvelope } from '../wecom/callback-event';
import { startWorkflow } from '../temporal/typed-workflows';

const ADD_EVENTS = new Set(['add_external_contact', 'add_half_external_contact']);

/**
 * A customer added a member: the welcome has 20 seconds (API.md §7.1), so its workflow starts here, beside
 * the in-order customer-events queue rather than behind it. The id is the event's inbox key and may never be
 * reused, so WeCom delivering the event three times starts it once. The customer-events workflow calls this
 * again when it applies the add, so an event whose start failed (Temporal unreachable then) still gets its
 * source recorded and its tags, and its welcome tried (WeCom's answer is recorded if the 20 s are over).
 */
export async function startNewContactWelcome(
  deps: { temporal: Client; taskQueue: string; log: { error(details: object, message: string): void } },
  tenantId: string,
  inboxKey: string,
  envelope: CallbackEnvelope,
): Promise<void> {
  if (envelope.Event !== 'change_external_contact' || !ADD_EVENTS.has(String(envelope.ChangeType))) return;
  try {
    await startWorkflow(deps.temporal.workflow, 'newContactWelcomeWorkflow', {
      workflowId: newContactWelcomeWorkflowId(tenantId, inboxKey),
      taskQueue: deps.taskQueue,
      args: [{ tenantId, inboxKey }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: entitySearchAttributes(tenantId, 'new-contact', inboxKey),
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    deps.log.error({ err: error, tenantId, inboxKey }, 'new contact welcome hand-off failed');
  }
}
