import { loadCallerAccess } from '../lib/access/caller-access';
import { resolveStaffScope } from '../lib/access/data-scope';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { SensitiveAlertModel, type AlertStatus } from '../lib/models/sensitive-alert.model';
import { StaffModel } from '../lib/models/staff.model';
import { alertNoticeText, alertRecipients } from '../lib/sensitive/alert-notice';
import { alertViews, type StoredAlert } from '../lib/sensitive/alert-views';
import { loadBehaviorSettings } from '../lib/sensitive/behavior-settings';
import type { MessageApi, UndeliveredRecipient } from '../lib/wecom/message-api';
import type { AppSenderLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';
import { writeListRows, type ListSearch } from '../lib/search/list-read-model';
import { sensitiveAlertReadModel } from '../lib/search/sensitive-alert-index';

export interface SensitiveReviewDeps {
  messages: MessageApi;
  appSender: AppSenderLoader;
  publicUrl: string;
  /** The 敏感行为审核 read model, written with the review. */
  listSearch: ListSearch;
}

/** One 审核 as the review signal carries it (the reviewer and time come from the API request). */
export interface SensitiveReviewDecision {
  verdict: Exclude<AlertStatus, 'pending'>;
  note: string;
  reviewer: { userid: string; name: string };
  /** Epoch ms of the request: an older decision never overwrites a newer one. */
  at: number;
}

/**
 * Recipients who may open the review dialog the link leads to: they can log in, their role may 审核, and
 * its 数据权限 covers a member of the conversation (what the review API itself checks).
 */
async function reviewersAmong(tenantId: string, userids: string[], alert: StoredAlert): Promise<Set<string>> {
  const staff = await StaffModel.find(
    { tenantId, userid: { $in: userids }, systemEnabled: true, deletedAt: { $exists: false } },
    { userid: 1, departmentIds: 1, roleId: 1 },
  ).lean();
  const reviewers = new Set<string>();
  for (const member of staff) {
    const access = await loadCallerAccess(tenantId, member);
    if (!access.permissions.has('archive.sensitive-behaviors.review')) continue;
    const scope = await resolveStaffScope(tenantId, access, access);
    if (scope.all || alert.staffUserids.some((userid) => scope.userids.includes(userid))) {
      reviewers.add(member.userid);
    }
  }
  return reviewers;
}

export function createSensitiveReviewActivities(deps: SensitiveReviewDeps) {
  const reviewUrl = (alertId: string) =>
    `${deps.publicUrl}/archive/sensitive-behaviors?review=${encodeURIComponent(alertId)}`;

  /**
   * The app message about one chat message or 删除好友 (R-7.6-07/08/10, I-110/I-111): one per recipient
   * listing every alert row it raised, whichever routes lead to them; reviewers' copy links each row's
   * review dialog. At most two message/send calls (with links, without).
   */
  async function notifySensitiveBehavior(input: {
    tenantId: string;
    alertIds: string[];
  }): Promise<'sent' | 'skipped'> {
    const { tenantId, alertIds } = input;
    const rows = await SensitiveAlertModel.find({ tenantId, _id: { $in: alertIds } })
      .sort({ _id: 1 })
      .lean<StoredAlert[]>();
    if (rows.length === 0) return 'skipped';
    const settings = await loadBehaviorSettings(tenantId);
    if (!settings.notifyByApp) return 'skipped';
    // The rows of one message share its sender, conversation and time: the first stands for all.
    const [first] = rows;
    const group = first.roomid
      ? await CustomerGroupModel.findOne({ tenantId, chatId: first.roomid }, { ownerUserid: 1 }).lean()
      : null;
    const touser = alertRecipients(settings, first, group?.ownerUserid);
    if (touser.length === 0) return 'skipped';

    const sender = await deps.appSender(tenantId);

    const views = await alertViews(tenantId, rows);
    const reviewers = await reviewersAmong(tenantId, touser, first);
    const undelivered: UndeliveredRecipient[] = [];
    const send = async (to: string[], content: string) => {
      if (to.length === 0) return;
      const receipt = await withWeComFailures(() =>
        deps.messages.sendToMembers(sender, to, { msgtype: 'text', text: { content } }),
      );
      undelivered.push(...receipt.undelivered);
    };
    await send(
      touser.filter((userid) => reviewers.has(userid)),
      alertNoticeText(views, reviewUrl),
    );
    await send(
      touser.filter((userid) => !reviewers.has(userid)),
      alertNoticeText(views),
    );
    // Kept on every row the notice was about, for the review dialog's 未送达; one row at a time, by key.
    if (undelivered.length > 0) {
      for (const row of rows) {
        await SensitiveAlertModel.updateOne(
          { tenantId, _id: row._id },
          { $addToSet: { noticeUndelivered: { $each: undelivered } } },
        );
      }
    }
    return 'sent';
  }

  return {
    notifySensitiveBehavior,

    /** Reviews started before notices went per message send their own row's (sensitive-review.workflow.ts). */
    async notifySensitiveAlert(input: { tenantId: string; alertId: string }): Promise<'sent' | 'skipped'> {
      return notifySensitiveBehavior({ tenantId: input.tenantId, alertIds: [input.alertId] });
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
      await writeListRows(deps.listSearch, sensitiveAlertReadModel, tenantId, [alertId], () =>
        SensitiveAlertModel.updateOne(
          { tenantId, _id: alertId, $or: [{ reviewedAt: { $exists: false } }, { reviewedAt: { $lte: at } }] },
          {
            $set: {
              status: decision.verdict,
              reviewNote: decision.note,
              reviewer: decision.reviewer,
              reviewedAt: at,
            },
          },
        ),
      );
    },
  };
}

export type SensitiveReviewActivities = ReturnType<typeof createSensitiveReviewActivities>;
