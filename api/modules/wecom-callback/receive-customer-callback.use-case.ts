import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { CallbackQuery } from '../../../lib/contracts/wecom-callback.contract';
import type { Logger } from '../../../lib/logger';
import { CallbackInboxModel } from '../../../lib/models/callback-inbox.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { customerEventsWorkflowId } from '../../../lib/temporal/workflow-ids';
import { CUSTOMER_SIDE_EVENTS } from '../../../lib/wecom/customer-callback-event';
import { customerEventSignal } from '../../../workflows/customer-events.contract';
import { openDelivery } from './receive-contact-callback.use-case';
import { startNewContactWelcome } from '../../../lib/acquisition/start-new-contact-welcome';
import { signalWithStartWorkflow } from '../../../lib/temporal/typed-workflows';

/**
 * 客户联系 events (change_external_contact, change_external_chat, change_external_tag): verified, decrypted,
 * stored once in the inbox, then handed to the tenant's customer-events workflow, which applies them in order.
 * Answering fast matters more than the hand-off: WeCom retries after 5 s, and a stored event is never lost
 * (the workflow picks up rows whose signal failed).
 */
export async function receiveCustomerCallback(
  deps: { temporal: Client; taskQueue: string; log: Logger },
  tenantId: string,
  query: CallbackQuery,
  body: string,
): Promise<void> {
  const { xml, envelope } = await openDelivery(tenantId, 'customers', query, body);
  const key = createHash('sha256').update(xml).digest('hex');
  const handled = CUSTOMER_SIDE_EVENTS.includes(envelope.Event);
  await CallbackInboxModel.updateOne(
    { tenantId, key },
    {
      $setOnInsert: {
        source: 'customers',
        event: envelope.Event,
        changeType: envelope.ChangeType,
        xml,
        receivedAt: new Date(),
        status: handled ? 'received' : 'ignored',
      },
    },
    { upsert: true },
  );
  if (!handled) return;
  await startNewContactWelcome(deps, tenantId, key, envelope);
  // A redelivery of an event already applied needs no signal; one still waiting gets it again (harmless).
  const stored = await CallbackInboxModel.findOne({ tenantId, key }, { status: 1 }).lean();
  if (stored?.status !== 'received') return;

  try {
    await signalWithStartWorkflow(deps.temporal.workflow, 'customerEventsWorkflow', {
      workflowId: customerEventsWorkflowId(tenantId),
      taskQueue: deps.taskQueue,
      args: [{ tenantId, pending: [] }],
      signal: customerEventSignal,
      signalArgs: [{ inboxKey: key }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'customer-events', tenantId),
    });
  } catch (error) {
    deps.log.error({ err: error, tenantId, key }, 'customer event hand-off failed');
  }
}
