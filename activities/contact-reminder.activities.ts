import { ApplicationFailure } from '@temporalio/activity';
import {
  chinaMinuteLabel,
  customerRecordsH5Url,
  reminderRecipients,
  reminderTextcard,
  type ReminderOccasion,
} from '../lib/contact-records/reminder-message';
import { ContactRecordModel } from '../lib/models/contact-record.model';
import { CustomerModel } from '../lib/models/customer.model';
import { loadBinding, loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { WeComClient } from '../lib/wecom/client';
import { withWeComFailures } from './wecom-failure';

export interface ContactReminderDeps {
  wecom: WeComClient;
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

      let agentId: number | undefined;
      let credentials;
      try {
        credentials = await loadCredentials(tenantId, 'app');
        agentId = (await loadBinding(tenantId))?.agentId;
      } catch (error) {
        if (error instanceof WeComNotBoundError) {
          throw ApplicationFailure.nonRetryable(`tenant ${tenantId} has no WeCom app`, 'WeComNotBound');
        }
        throw error;
      }
      if (!agentId)
        throw ApplicationFailure.nonRetryable(`tenant ${tenantId} has no agentid`, 'WeComNotBound');

      const textcard = reminderTextcard({
        occasion,
        customerName: customer?.name || record.externalUserid,
        creatorName: record.creator.name,
        text: record.text,
        remindAtLabel: record.remindAt ? chinaMinuteLabel(record.remindAt) : undefined,
        url: customerRecordsH5Url(deps.publicUrl, record.externalUserid),
      });
      await withWeComFailures(() =>
        deps.wecom.call(credentials, {
          method: 'POST',
          path: '/message/send',
          body: {
            touser: touser.join('|'),
            msgtype: 'textcard',
            agentid: agentId,
            textcard,
            // A retried activity whose first send did reach WeCom must not send it twice.
            enable_duplicate_check: 1,
            duplicate_check_interval: 1800,
          },
        }),
      );
      return 'sent';
    },
  };
}

export type ContactReminderActivities = ReturnType<typeof createContactReminderActivities>;
