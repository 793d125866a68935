import { loadCallbackSecrets } from '../../../lib/wecom/binding-store';
import type { CallbackSource } from '../../../lib/wecom/callback-settings';
import { contactEventsWorkflowId } from '../../../lib/temporal/workflow-ids';
import {
  CallbackRejectedError,
  openCallback,
  type CallbackSecrets,
} from '../../../lib/wecom/callback-crypto';
import { parseCallbackXml, readEncryptedBody } from '../../../lib/wecom/callback-event';
import { recordCallback, wakeInboxWorkflow, type InboxWorkflow } from '../../../lib/wecom/callback-inbox';
import { contactEventSignal } from '../../../workflows/contact-events.contract';
import type { CallbackQuery } from '../../../lib/contracts/wecom-callback.contract';
import type { AppContext } from '../../app-context';
import { badRequest, forbidden, notFound } from '../../http/app-error';

/** A delivery as WeCom makes it: the tenant its URL names, the signature query and the encrypted XML body. */
export type CallbackDelivery = CallbackQuery & { tenantId: string; body: string };

/** The inbox hands stored events to the tenant's workflows; a failed hand-off is logged, the event kept. */
export type CallbackDeps = Pick<AppContext, 'temporal' | 'log'>;

/** The inbox's own shape of those deps (lib/wecom/callback-inbox.ts). */
export function inboxDeps({ temporal, log }: CallbackDeps) {
  return { temporal: temporal.client, taskQueue: temporal.taskQueue, log };
}

async function secretsOf(tenantId: string, source: CallbackSource): Promise<CallbackSecrets> {
  const secrets = await loadCallbackSecrets(tenantId, source);
  if (!secrets) throw notFound('未找到该企业的回调配置', 'CALLBACK_NOT_CONFIGURED');
  return secrets;
}

function open(secrets: CallbackSecrets, query: CallbackQuery, encrypted: string): string {
  try {
    return openCallback(secrets, {
      msgSignature: query.msg_signature,
      timestamp: query.timestamp,
      nonce: query.nonce,
      encrypted,
    });
  } catch (error) {
    if (error instanceof CallbackRejectedError)
      throw forbidden(`回调校验失败：${error.message}`, 'CALLBACK_REJECTED');
    throw error;
  }
}

/** WeCom's URL check when the callback is saved: answer the decrypted echostr and nothing else. */
export async function verifyCallbackUrl({
  tenantId,
  source,
  ...query
}: CallbackQuery & { tenantId: string; source: CallbackSource }): Promise<string> {
  if (!query.echostr) throw badRequest('缺少 echostr');
  return open(await secretsOf(tenantId, source), query, query.echostr);
}

/** Verifies and decrypts one event delivery (POST): the plaintext XML and its parsed envelope. */
export async function openDelivery(
  tenantId: string,
  source: CallbackSource,
  query: CallbackQuery,
  body: string,
): Promise<{ xml: string; envelope: ReturnType<typeof parseCallbackXml> }> {
  const secrets = await secretsOf(tenantId, source);
  let encrypted: string;
  try {
    encrypted = readEncryptedBody(body).encrypted;
  } catch {
    throw badRequest('回调内容格式有误');
  }
  const xml = open(secrets, query, encrypted);
  try {
    return { xml, envelope: parseCallbackXml(xml) };
  } catch {
    throw badRequest('回调内容格式有误');
  }
}

/** Where change_contact events are applied, one tenant at a time, in arrival order. */
const CONTACT_EVENTS: InboxWorkflow = {
  type: 'contactEventsWorkflow',
  workflowId: contactEventsWorkflowId,
  signal: contactEventSignal,
  entityType: 'contact-events',
};

/**
 * An event delivery: verify, decrypt, store in the inbox, then hand it to the tenant's contact-events
 * workflow. Answering fast matters more than the hand-off: WeCom retries after 5 s, and a stored event is
 * never lost (lib/wecom/callback-inbox.ts).
 */
export async function receiveContactCallback(
  { tenantId, body, ...query }: CallbackDelivery,
  deps: CallbackDeps,
): Promise<void> {
  const { xml, envelope } = await openDelivery(tenantId, 'contacts', query, body);
  const handled = envelope.Event === 'change_contact';
  const key = await recordCallback(tenantId, 'contacts', { xml, envelope, handled });
  if (handled) await wakeInboxWorkflow(inboxDeps(deps), tenantId, key, CONTACT_EVENTS);
}
