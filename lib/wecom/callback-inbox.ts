import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { CallbackInboxModel } from '../models/callback-inbox.model';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';
import type { CallbackEnvelope } from './callback-event';
import type { CallbackSource } from './callback-settings';

/**
 * The callback inbox, one for both callback servers (通讯录 and 客户联系): every decrypted delivery is stored
 * before WeCom gets its answer, then handed to the tenant's events workflow of its source, which applies the
 * events one at a time. Each source's workflow reads only its own rows: a row of the other source is not a
 * change it can read.
 */

/** The per-tenant workflow that applies one source's events (started by the first event it is woken for). */
export interface InboxWorkflow {
  type: 'contactEventsWorkflow' | 'customerEventsWorkflow';
  workflowId: (tenantId: string) => string;
  signal: SignalDefinition<[{ inboxKey: string }]>;
  /** Its EntityType search attribute. */
  entityType: string;
}

/**
 * Stores one delivery once, however often WeCom retries: `key` hashes the decrypted message, which a retry
 * repeats (only the encryption's random prefix changes). Events the product does not apply are kept as
 * `ignored`. Answers the row's key.
 */
export async function recordCallback(
  tenantId: string,
  source: CallbackSource,
  delivery: { xml: string; envelope: CallbackEnvelope; handled: boolean },
): Promise<string> {
  const key = createHash('sha256').update(delivery.xml).digest('hex');
  await CallbackInboxModel.updateOne(
    { tenantId, key },
    {
      $setOnInsert: {
        source,
        event: delivery.envelope.Event,
        changeType: delivery.envelope.ChangeType,
        xml: delivery.xml,
        receivedAt: new Date(),
        status: delivery.handled ? 'received' : 'ignored',
      },
    },
    { upsert: true },
  );
  return key;
}

/**
 * Hands a stored event to its workflow. A redelivery of an event already applied needs no signal; one still
 * waiting gets it again (the workflow queues a key once). A failed hand-off is logged, not thrown: the event
 * is safe in the inbox, and the workflow's sweep picks it up after its next event (strandedCallbackEvents).
 */
export async function wakeInboxWorkflow(
  deps: { temporal: Client; taskQueue: string; log: { error(details: object, message: string): void } },
  tenantId: string,
  key: string,
  workflow: InboxWorkflow,
): Promise<void> {
  const stored = await CallbackInboxModel.findOne({ tenantId, key }, { status: 1 }).lean();
  if (stored?.status !== 'received') return;
  try {
    await signalWithStartWorkflow(deps.temporal.workflow, workflow.type, {
      workflowId: workflow.workflowId(tenantId),
      taskQueue: deps.taskQueue,
      args: [{ tenantId, pending: [] }],
      signal: workflow.signal,
      signalArgs: [{ inboxKey: key }],
      typedSearchAttributes: entitySearchAttributes(tenantId, workflow.entityType, tenantId),
    });
  } catch (error) {
    deps.log.error({ err: error, tenantId, key, workflow: workflow.type }, 'callback event hand-off failed');
  }
}

/**
 * One source's rows still waiting that arrived before `receivedBefore` (their signal was lost), oldest first,
 * at most 100: the events workflows' sweep after each batch (applying one twice is harmless).
 */
export async function strandedCallbackEvents(
  source: CallbackSource,
  input: { tenantId: string; receivedBefore: string },
): Promise<{ inboxKeys: string[] }> {
  const rows = await CallbackInboxModel.find(
    {
      tenantId: input.tenantId,
      source,
      status: 'received',
      receivedAt: { $lt: new Date(input.receivedBefore) },
    },
    { key: 1 },
  )
    .sort({ receivedAt: 1 })
    .limit(100)
    .lean();
  return { inboxKeys: rows.map((row) => row.key) };
}

/**
 * Applies one stored event of `source` once and records the outcome on its row. A row already handled, or of
 * the other source, is left as it is. A payload `apply` cannot read (a ZodError) will not become readable by
 * retrying: it is parked as `failed` for a person to look at. Any other error is thrown, for the activity's
 * retry.
 */
export async function applyInboxEvent(
  source: CallbackSource,
  input: { tenantId: string; inboxKey: string },
  apply: (xml: string) => Promise<'applied' | 'ignored'>,
  now: () => Date,
): Promise<{ status: string }> {
  const { tenantId, inboxKey: key } = input;
  const entry = await CallbackInboxModel.findOne({ tenantId, key }).lean();
  if (!entry) return { status: 'missing' };
  if (entry.source !== source) return { status: `not-${source}` };
  if (entry.status !== 'received') return { status: entry.status };

  let status: 'applied' | 'ignored' | 'failed';
  let error: string | undefined;
  try {
    status = await apply(entry.xml);
  } catch (failure) {
    if (!(failure instanceof Error) || failure.name !== 'ZodError') throw failure;
    status = 'failed';
    error = failure.message;
  }
  await CallbackInboxModel.updateOne({ tenantId, key }, { $set: { status, appliedAt: now(), error } });
  return { status };
}
