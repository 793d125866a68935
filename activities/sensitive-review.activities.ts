import { ApplicationFailure } from '@temporalio/activity';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { CustomerModel } from '../lib/models/customer.model';
import { SensitiveAlertModel, type AlertStatus } from '../lib/models/sensitive-alert.model';
import { StaffModel } from '../lib/models/staff.model';
import { alertNoticeText, alertRecipients } from '../lib/sensitive/alert-notice';
import { loadBehaviorSettings } from '../lib/sensitive/behavior-settings';
import { loadBinding, loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { WeComClient } from '../lib/wecom/client';
import { withWeComFailures } from './wecom-failure';

export interface SensitiveReviewDeps {
  wecom: WeComClient;
  publicUrl: string;
}

/** One 审核 as the review signal carries it (the reviewer and time come from the API request). */
export interface SensitiveReviewDecision {
  verdict: Exclude<AlertStatus, 'pending'>;
  note: string;
  reviewer: { userid: string; name: string };
  /** Epoch ms of the request: an older decision never overwrites a newer one. */
  at: number;
}

export function createSensitiveReviewActivities(deps: SensitiveReviewDeps) {
  return {
    /** The alert's app message (R-7.6-07/08): one message/send to every recipient at once. */
    async notifySensitiveAlert(input: { tenantId: string; alertId: string }): Promise<'sent' | 'skipped'> {
      const { tenantId, alertId } = input;
      const alert = await SensitiveAlertModel.findOne({ tenantId, _id: alertId }).lean();
      if (!alert) return 'skipped';
      const settings = await loadBehaviorSettings(tenantId);
      if (!settings.notifyByApp) return 'skipped';
      const group = alert.roomid
        ? await CustomerGroupModel.findOne({ tenantId, chatId: alert.roomid }, { ownerUserid: 1 }).lean()
        : null;
      const touser = alertRecipients(settings, alert, group?.ownerUserid);
      if (touser.length === 0) return 'skipped';

      const trigger =
        alert.senderType === 'staff'
          ? await StaffModel.findOne({ tenantId, userid: alert.from }, { name: 1 }).lean()
          : await CustomerModel.findOne({ tenantId, externalUserid: alert.from }, { name: 1 }).lean();
      let credentials;
      let agentId: number | undefined;
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

      const content = alertNoticeText(
        alert,
        trigger?.name || alert.from,
        `${deps.publicUrl}/archive/sensitive-behaviors`,
      );
      await withWeComFailures(() =>
        deps.wecom.call(credentials, {
          method: 'POST',
          path: '/message/send',
          body: {
            touser: touser.join('|'),
            msgtype: 'text',
            agentid: agentId,
            text: { content },
            // A retried activity whose first send did reach WeCom must not send it twice.
            enable_duplicate_check: 1,
            duplicate_check_interval: 1800,
          },
        }),
      );
      return 'sent';
    },

    /**
     * Records a 审核 on the alert row. The API already wrote it in the request; this is the durable copy the
     * workflow keeps, and it never overwrites a newer decision (a re-review that reached the row first).
     */
    async recordSensitiveReview(input: {
      tenantId: string;
      alertId: string;
      decision: SensitiveReviewDecision;
    }): Promise<void> {
      const { tenantId, alertId, decision } = input;
      const at = new Date(decision.at);
      await SensitiveAlertModel.updateOne(
        { tenantId, _id: alertId, $or: [{ reviewedAt: { $exists: false } }, { reviewedAt: { $lte: at } }] },
        {
          $set: {
            status: decision.verdict,
            reviewNote: decision.note,
            reviewer: decision.reviewer,
            reviewedAt: at,
          },
        },
      );
    },
  };
}

export type SensitiveReviewActivities = ReturnType<typeof createSensitiveReviewActivities>;
