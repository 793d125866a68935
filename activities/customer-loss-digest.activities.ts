import { loadLossAlertSettings } from '../lib/customer-losses/loss-alert-settings';
import { lossDigestText } from '../lib/customer-losses/loss-digest-text';
import { insertManyOnce } from '../lib/db/insert-many-once';
import { CustomerLossDigestModel } from '../lib/models/customer-loss-digest.model';
import { CustomerLossModel } from '../lib/models/customer-loss.model';
import { staffNamesByUserid } from '../lib/org/staff-names';
import type { MessageApi } from '../lib/wecom/message-api';
import type { AppSenderLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface CustomerLossDigestDeps {
  messages: MessageApi;
  appSender: AppSenderLoader;
  /** The product's own address, for the message's link to the 流失客户 list. */
  publicUrl: string;
}

export function createCustomerLossDigestActivities(deps: CustomerLossDigestDeps) {
  return {
    /**
     * The window's digest for one recipient: a chosen manager hears of every loss, the member of their own
     * (when 流失提醒 tells members). Settings are read now, so switching it off stops digests still waiting.
     * The text is stored before it is sent and the send marked after, so a retried activity (a worker that
     * died in between, a lost answer) sends that recipient's digest once (lib/models/customer-loss-digest.model.ts).
     */
    async sendCustomerLossDigest(input: {
      tenantId: string;
      recipient: string;
      bucket: string;
    }): Promise<'sent' | 'skipped'> {
      const { tenantId, recipient, bucket } = input;
      const key = { tenantId, _id: `${tenantId}:${recipient}:${bucket}` };
      const earlier = await CustomerLossDigestModel.findOne(key).lean();
      if (earlier?.sentAt) return 'sent';
      const digest = earlier ?? (await composeDigest(input));
      if (!digest) return 'skipped';
      const sender = await deps.appSender(tenantId);
      const receipt = await withWeComFailures(() =>
        deps.messages.sendToMembers(sender, [recipient], {
          msgtype: 'text',
          text: { content: digest.content },
        }),
      );
      await CustomerLossDigestModel.updateOne(key, {
        $set: { sentAt: new Date(), undelivered: receipt.undelivered[0]?.reason ?? null },
      });
      return 'sent';
    },
  };

  /**
   * The digest's text from the window's losses, stored under its key before anything is sent; an attempt that
   * stored it first wins, and its text is the one sent. Null when there is nothing to send.
   */
  async function composeDigest(input: { tenantId: string; recipient: string; bucket: string }) {
    const { tenantId, recipient, bucket } = input;
    const settings = await loadLossAlertSettings(tenantId);
    if (!settings.enabled) return null;
    const manager = settings.managerUserids.includes(recipient);
    if (!manager && !settings.notifyMember) return null;
    const losses = (await CustomerLossModel.find({ tenantId, digestBucket: bucket }).lean()).filter(
      (loss) => manager || loss.userid === recipient,
    );
    if (losses.length === 0) return null;
    const names = await staffNamesByUserid(
      tenantId,
      losses.map((loss) => loss.userid),
    );
    const content = lossDigestText(
      losses.map((loss) => ({
        customerName: loss.customerName ?? '',
        staffName: names.get(loss.userid) ?? loss.userid,
        kind: loss.kind,
        lostAt: loss.lostAt,
      })),
      `${deps.publicUrl}/customer/losses`,
    );
    const _id = `${tenantId}:${recipient}:${bucket}`;
    await insertManyOnce(CustomerLossDigestModel, [
      { _id, tenantId, recipient, bucket, content, lossIds: losses.map((loss) => loss._id) },
    ]);
    return CustomerLossDigestModel.findOne({ tenantId, _id }).lean();
  }
}

export type CustomerLossDigestActivities = ReturnType<typeof createCustomerLossDigestActivities>;
