import { createHash } from 'node:crypto';
import type { CallbackQuery } from '../../../lib/contracts/wecom-callback.contract';
import { CallbackInboxModel } from '../../../lib/models/callback-inbox.model';
import { openDelivery } from './receive-contact-callback.use-case';

/**
 * 客户联系 events (change_external_contact, change_external_chat, change_external_tag): verified,
 * decrypted and stored once in the inbox as `received`. Applying them is the customer module's work
 * (a later issue); until then they wait in the inbox, counted in the WeCom health panel's backlog.
 */
export async function receiveCustomerCallback(
  tenantId: string,
  query: CallbackQuery,
  body: string,
): Promise<void> {
  const { xml, envelope } = await openDelivery(tenantId, 'customers', query, body);
  const key = createHash('sha256').update(xml).digest('hex');
  await CallbackInboxModel.updateOne(
    { tenantId, key },
    {
      $setOnInsert: {
        source: 'customers',
        event: envelope.Event,
        changeType: envelope.ChangeType,
        xml,
        receivedAt: new Date(),
        status: 'received',
      },
    },
    { upsert: true },
  );
}
