import {
  chinaMinuteLabel,
  customerRecordsH5Url,
  reminderRecipients,
  reminderTextcard,
  type ReminderOccasion,
} from '../lib/contact-records/reminder-message';
import { ContactRecordModel } from '../lib/models/contact-record.model';
import { CustomerModel } from '../lib/models/customer.model';
import type { MessageApi } from '../lib/wecom/message-api';
import type { AppSenderLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface ContactReminderDeps {
  messages: MessageApi;
  appSender: AppSenderLoader;
  /** Where the message's link points (the product's own address). */
  publicUrl: string;
}

export interface SendContactReminderInput {
  tenantId: string;
  recordId: string;
  occasion: ReminderOccasion;
}

/** The side effect of a 提醒事项: one app message through the tenant's app (secret + agentid). */
export function createContactReminderActivities(deps: ContactReminderDeps) {
  return {
    /** Sends it, and keeps on the record whom WeCom did not deliver it to (shown as 未送达 in the timeline). */
    async sendContactReminder(input: SendContactReminderInput): Promise<'sent' | 'skipped'> {
      const { tenantId, recordId, occasion } = input;
      const record = await ContactRecordModel.findOne({ tenantId, _id: recordId }).lean();
      // A record deleted while the message was on its way: the creator withdrew it.
      if (!record || record.deletedAt) return 'skipped';
      const touser = reminderRecipients(occasion, {
        creatorUserid: record.creator.userid,
        mentionUserids: record.mentionUserids,
      });
      if (touser.length === 0) return 'skipped';
      const customer = await CustomerModel.findOne(
        { tenantId, externalUserid: record.externalUserid },
        { name: 1 },
      ).lean();
      const sender = await deps.appSender(tenantId);

      const textcard = reminderTextcard({
        occasion,
        customerName: customer?.name || record.externalUserid,
        creatorName: record.creator.name,
        text: record.text,
        remindAtLabel: record.remindAt ? chinaMinuteLabel(record.remindAt) : undefined,
        url: customerRecordsH5Url(deps.publicUrl, record.externalUserid),
      });
      const receipt = await withWeComFailures(() =>
        deps.messages.sendToMembers(sender, touser, { msgtype: 'textcard', textcard }),
      );
      if (receipt.undelivered.length > 0) {
        await ContactRecordModel.updateOne(
          { tenantId, _id: recordId },
          { $addToSet: { undelivered: { $each: receipt.undelivered } } },
        );
      }
      return 'sent';
    },
  };
}

export type ContactReminderActivities = ReturnType<typeof createContactReminderActivities>;
