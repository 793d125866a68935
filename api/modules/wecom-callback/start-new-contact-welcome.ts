import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { Logger } from '../../../lib/logger';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { newContactWelcomeWorkflowId } from '../../../lib/temporal/workflow-ids';
import type { CallbackEnvelope } from '../../../lib/wecom/callback-event';

const ADD_EVENTS = new Set(['add_external_contact', 'add_half_external_contact']);

/**
 * A customer added a member: the welcome has 20 seconds (API.md §7.1), so its workflow starts here, beside
 * the in-order customer-events queue rather than behind it. The id is the event's inbox key and may never be
 * reused, so WeCom delivering the event three times starts it once; a delivery whose start failed is started
 * by the redelivery.
 */
export async function startNewContactWelcome(
  deps: { temporal: Client; taskQueue: string; log: Logger },
  tenantId: string,
  inboxKey: string,
  envelope: CallbackEnvelope,
): Promise<void> {
  if (envelope.Event !== 'change_external_contact' || !ADD_EVENTS.has(String(envelope.ChangeType))) return;
  try {
    await deps.temporal.workflow.start('newContactWelcomeWorkflow', {
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
