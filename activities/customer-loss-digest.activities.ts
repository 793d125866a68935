import { loadLossAlertSettings } from '../lib/customer-losses/loss-alert-settings';
import { lossDigestText } from '../lib/customer-losses/loss-digest-text';
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
     */
    async sendCustomerLossDigest(input: {
      tenantId: string;
      recipient: string;
      bucket: string;
    }): Promise<'sent' | 'skipped'> {
      const { tenantId, recipient, bucket } = input;
      const settings = await loadLossAlertSettings(tenantId);
      if (!settings.enabled) return 'skipped';
      const manager = settings.managerUserids.includes(recipient);
      if (!manager && !settings.notifyMember) return 'skipped';
      const losses = (await CustomerLossModel.find({ tenantId, digestBucket: bucket }).lean()).filter(
        (loss) => manager || loss.userid === recipient,
      );
      if (losses.length === 0) return 'skipped';
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
      const sender = await deps.appSender(tenantId);
      await withWeComFailures(() =>
        deps.messages.sendToMembers(sender, [recipient], { msgtype: 'text', text: { content } }),
      );
      return 'sent';
    },
  };
}

export type CustomerLossDigestActivities = ReturnType<typeof createCustomerLossDigestActivities>;
