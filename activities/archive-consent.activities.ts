import { ApplicationFailure } from '@temporalio/activity';
import { ArchiveConsentModel } from '../lib/models/archive-consent.model';
import { CustomerModel } from '../lib/models/customer.model';
import { StaffModel } from '../lib/models/staff.model';
import type { WeComCredentials } from '../lib/wecom/client';
import { WeComApiError } from '../lib/wecom/errors';
import { AGREE_CHECK_MAX, type AgreeAnswer, type MsgauditApi } from '../lib/wecom/msgaudit-api';
import type { ArchiveAccess } from './tenant-credentials';
import { heartbeatOrStop } from './cancellation-checkpoint';
import { withWeComFailures } from './wecom-failure';

export interface ArchiveConsentDeps {
  msgaudit: MsgauditApi;
  loadArchiveAccess(tenantId: string): Promise<ArchiveAccess | null>;
}

export type ArchivedStaffResult =
  { status: 'ready'; userids: string[]; startedAt: string } | { status: 'idle'; reason: string };

export interface ArchiveConsentActivities {
  markArchivedStaff(input: { tenantId: string }): Promise<ArchivedStaffResult>;
  syncStaffConsent(input: { tenantId: string; userids: string[] }): Promise<{ checked: number }>;
  dropUnseenConsent(input: { tenantId: string; startedAt: string }): Promise<{ dropped: number }>;
}

/** WeCom's answer while the corp has not enabled the archive (no public key uploaded). */
const ARCHIVE_NOT_ENABLED = 301053;

const consentId = (tenantId: string, userid: string, externalUserid: string) =>
  `${tenantId}:${userid}:${externalUserid}`;

/**
 * The consent sync (R-5.1.2, R-3.1.5-06): which members WeCom archives (get_permit_user_list, marked on the
 * staff as `archiveEnabled`) and, for each of their customers, whether the customer agreed
 * (check_single_agree, 100 pairs a call), stored per member × customer in `archive_consents`.
 */
export function createArchiveConsentActivities(deps: ArchiveConsentDeps): ArchiveConsentActivities {
  async function credentialsOf(tenantId: string): Promise<WeComCredentials | null> {
    const access = await deps.loadArchiveAccess(tenantId);
    return access ? { tenantId, corpId: access.corpId, secretKind: 'archive', secret: access.secret } : null;
  }

  /**
   * Writes only the answers that differ from the stored ones (a customer's answer rarely changes, so after the
   * first sync this is a handful), then stamps the whole batch as seen.
   */
  async function storeAnswers(tenantId: string, answers: AgreeAnswer[], syncedAt: Date) {
    const ids = answers.map((a) => consentId(tenantId, a.userid, a.externalUserid));
    const stored = new Map(
      (
        await ArchiveConsentModel.find({ tenantId, _id: { $in: ids } }, { status: 1, changedAt: 1 }).lean()
      ).map((row) => [row._id, row]),
    );
    for (const [index, answer] of answers.entries()) {
      const changedAt = answer.changedAt > 0 ? new Date(answer.changedAt * 1000) : undefined;
      const row = stored.get(ids[index]);
      if (row && row.status === answer.status && row.changedAt?.getTime() === changedAt?.getTime()) continue;
      await ArchiveConsentModel.updateOne(
        { tenantId, _id: ids[index] },
        {
          $set: {
            userid: answer.userid,
            externalUserid: answer.externalUserid,
            status: answer.status,
            agreed: answer.status !== 'Disagree',
            syncedAt,
            ...(changedAt ? { changedAt } : {}),
          },
          ...(changedAt ? {} : { $unset: { changedAt: '' } }),
        },
        { upsert: true },
      );
    }
    await ArchiveConsentModel.updateMany({ tenantId, _id: { $in: ids } }, { $set: { syncedAt } });
  }

  return {
    async markArchivedStaff({ tenantId }) {
      const startedAt = new Date();
      const credentials = await credentialsOf(tenantId);
      if (!credentials) return { status: 'idle', reason: '未配置会话存档密钥或私钥' };
      const userids = await withWeComFailures(async () => {
        try {
          return await deps.msgaudit.permittedUserids(credentials);
        } catch (error) {
          if (error instanceof WeComApiError && error.errcode === ARCHIVE_NOT_ENABLED) return null;
          throw error;
        }
      });
      if (!userids) return { status: 'idle', reason: '企业微信尚未开通会话内容存档' };
      // Only rows whose flag changes are written: every write puts the whole staff document back on FerretDB,
      // and a run that rewrote every member every 10 minutes could undo an operator's 开启系统 made meanwhile.
      await StaffModel.updateMany(
        { tenantId, userid: { $in: userids }, archiveEnabled: { $ne: true } },
        { $set: { archiveEnabled: true } },
      );
      await StaffModel.updateMany(
        { tenantId, userid: { $nin: userids }, archiveEnabled: true },
        { $set: { archiveEnabled: false } },
      );
      return { status: 'ready', userids, startedAt: startedAt.toISOString() };
    },

    async syncStaffConsent({ tenantId, userids }) {
      const credentials = await credentialsOf(tenantId);
      // The secret went away mid-run: stop before the run's last step takes every answer for unseen.
      if (!credentials)
        throw ApplicationFailure.nonRetryable('未配置会话存档密钥或私钥', 'ArchiveAccessMissing');
      const pairs: Array<{ userid: string; externalUserid: string }> = [];
      for (const userid of userids) {
        const customers = (await CustomerModel.distinct('externalUserid', {
          tenantId,
          adderUserids: userid,
        })) as string[];
        for (const externalUserid of customers) pairs.push({ userid, externalUserid });
      }
      for (let at = 0; at < pairs.length; at += AGREE_CHECK_MAX) {
        const batch = pairs.slice(at, at + AGREE_CHECK_MAX);
        const answers = await withWeComFailures(() => deps.msgaudit.checkSingleAgree(credentials, batch));
        await storeAnswers(tenantId, answers, new Date());
        heartbeatOrStop(at);
      }
      return { checked: pairs.length };
    },

    /**
     * After every archived member's customers were read: a row no read touched since the sync started belongs
     * to a member who lost the seat or to a relation that ended. Comparing times, not run ids, keeps an
     * overlapping run (a manual one beside the scheduled one) from removing what the other just read.
     */
    async dropUnseenConsent({ tenantId, startedAt }) {
      const { deletedCount } = await ArchiveConsentModel.deleteMany({
        tenantId,
        syncedAt: { $lt: new Date(startedAt) },
      });
      return { dropped: deletedCount };
    },
  };
}
