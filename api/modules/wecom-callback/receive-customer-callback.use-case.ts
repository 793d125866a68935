import { customerEventsWorkflowId } from '../../../lib/temporal/workflow-ids';
import { recordCallback, wakeInboxWorkflow, type InboxWorkflow } from '../../../lib/wecom/callback-inbox';
import { CUSTOMER_SIDE_EVENTS } from '../../../lib/wecom/customer-callback-event';
import { customerEventSignal } from '../../../workflows/customer-events.contract';
import {
  inboxDeps,
  openDelivery,
  type CallbackDeps,
  type CallbackDelivery,
} from './receive-contact-callback.use-case';
import { startNewContactWelcome } from '../../../lib/acquisition/start-new-contact-welcome';

/** Where 客户联系 events are applied, one tenant at a time, in arrival order. */
const CUSTOMER_EVENTS: InboxWorkflow = {
  type: 'customerEventsWorkflow',
  workflowId: customerEventsWorkflowId,
  signal: customerEventSignal,
  entityType: 'customer-events',
};

/**
 * 客户联系 events (change_external_contact, change_external_chat, change_external_tag): verified, decrypted,
 * stored once in the inbox, then handed to the tenant's customer-events workflow, which applies them in order.
 * Answering fast matters more than the hand-off: WeCom retries after 5 s, and a stored event is never lost
 * (lib/wecom/callback-inbox.ts).
 */
export async function receiveCustomerCallback(
  { tenantId, body, ...query }: CallbackDelivery,
  deps: CallbackDeps,
): Promise<void> {
  const { xml, envelope } = await openDelivery(tenantId, 'customers', query, body);
  const handled = CUSTOMER_SIDE_EVENTS.includes(envelope.Event);
  const key = await recordCallback(tenantId, 'customers', { xml, envelope, handled });
  if (!handled) return;
  await startNewContactWelcome(inboxDeps(deps), tenantId, key, envelope);
  await wakeInboxWorkflow(inboxDeps(deps), tenantId, key, CUSTOMER_EVENTS);
}
