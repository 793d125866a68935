import { groupWelcomeBody, welcomeSummary, type StoredWelcome } from '../lib/acquisition/welcome-content';
import { welcomeMediaFor } from '../lib/acquisition/welcome-media';
import type { WelcomeAttachment } from '../lib/contracts/welcome-messages.contract';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { WelcomeMessageModel } from '../lib/models/welcome-message.model';
import { WeComApiError } from '../lib/wecom/errors';
import type { MediaApi } from '../lib/wecom/media-api';
import type { MessageApi, UndeliveredRecipient } from '../lib/wecom/message-api';
import type { WelcomeApi } from '../lib/wecom/welcome-api';
import type { AppSenderLoader, CredentialsLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface GroupWelcomeDeps {
  welcome: WelcomeApi;
  media: MediaApi;
  messages: MessageApi;
  appSender: AppSenderLoader;
  credentials: CredentialsLoader;
  publicUrl: string;
}

export interface GroupWelcomeRef {
  tenantId: string;
  welcomeId: string;
}

/** A template WeCom no longer has (or not ours): deleting it again has nothing left to do. */
const TEMPLATE_GONE = 41058;

/** The owners' notice (R-2.3.2-03) in the manual's words, as a text card with a 前往配置 button. */
export function ownerNoticeCard(summary: string, url: string) {
  return {
    title: '管理员创建了一条新的入群欢迎语',
    description: `<div class="gray">配置入群欢迎语到我的客户群</div><div class="normal">${escapeHtml(summary)}</div>`,
    url,
    btntxt: '前往配置',
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * 客户群欢迎语 (R-2.3.2, I-36) as WeCom 入群欢迎语素材: add/edit/del the template to match the saved one, and once
 * after it is created tell every group owner through the app (微丰小助手).
 */
export function createGroupWelcomeActivities(deps: GroupWelcomeDeps) {
  return {
    async syncGroupWelcomeTemplate({ tenantId, welcomeId }: GroupWelcomeRef): Promise<{ settled: boolean }> {
      const welcome = await WelcomeMessageModel.findOne({ tenantId, _id: welcomeId, kind: 'group' }).lean();
      if (!welcome) return { settled: true };
      const version = welcome.version ?? 1;
      if (!welcome.deletedAt && (welcome.syncedVersion ?? 0) >= version) return { settled: true };
      if (welcome.deletedAt && !welcome.templateId) return { settled: true };
      const credentials = await deps.credentials(tenantId);
      const content: StoredWelcome = {
        text: welcome.text ?? '',
        attachment: (welcome.attachment as WelcomeAttachment | null) ?? null,
      };
      try {
        const body = welcome.deletedAt
          ? {}
          : groupWelcomeBody(
              content,
              await welcomeMediaFor(content, {
                tenantId,
                publicUrl: deps.publicUrl,
                media: deps.media,
                credentials,
              }),
            );
        if (welcome.deletedAt) {
          try {
            await deps.welcome.deleteGroupWelcomeTemplate(credentials, welcome.templateId!);
          } catch (error) {
            if (!(error instanceof WeComApiError && error.errcode === TEMPLATE_GONE)) throw error;
          }
          await WelcomeMessageModel.updateOne(
            { tenantId, _id: welcomeId },
            { $set: { 'sync.status': 'synced' }, $unset: { templateId: '' } },
          );
          return { settled: true };
        }
        if (!welcome.templateId) {
          const templateId = await deps.welcome.addGroupWelcomeTemplate(credentials, body);
          await WelcomeMessageModel.updateOne({ tenantId, _id: welcomeId }, { $set: { templateId } });
        } else {
          await deps.welcome.editGroupWelcomeTemplate(credentials, welcome.templateId, body);
        }
        await WelcomeMessageModel.updateOne(
          { tenantId, _id: welcomeId, version },
          { $set: { syncedVersion: version, sync: { status: 'synced' } } },
        );
      } catch (error) {
        if (!(error instanceof WeComApiError) || error.retryable) throw error;
        await WelcomeMessageModel.updateOne(
          { tenantId, _id: welcomeId, version },
          {
            $set: {
              syncedVersion: version,
              sync: { status: 'failed', errcode: error.errcode, errmsg: error.errmsg },
            },
          },
        );
      }
      const after = await WelcomeMessageModel.findOne(
        { tenantId, _id: welcomeId },
        { version: 1, syncedVersion: 1 },
      ).lean();
      return { settled: !after || (after.syncedVersion ?? 0) >= (after.version ?? 1) };
    },

    /** Once per template, after WeCom created it (later edits do not notify again): an app message to every owner of a customer group, with the content. */
    async notifyGroupOwnersOfWelcome({ tenantId, welcomeId }: GroupWelcomeRef): Promise<{ owners: number }> {
      const welcome = await WelcomeMessageModel.findOne({ tenantId, _id: welcomeId, kind: 'group' }).lean();
      if (!welcome || welcome.deletedAt || welcome.ownersNotifiedAt || !welcome.templateId)
        return { owners: 0 };
      const owners = (
        (await CustomerGroupModel.distinct('ownerUserid', {
          tenantId,
          dismissedAt: { $exists: false },
        })) as unknown as string[]
      ).filter(Boolean);
      let undelivered: UndeliveredRecipient[] = [];
      if (owners.length > 0) {
        const sender = await deps.appSender(tenantId);
        const card = ownerNoticeCard(
          welcomeSummary({
            text: welcome.text ?? '',
            attachment: (welcome.attachment as WelcomeAttachment | null) ?? null,
          }),
          `${deps.publicUrl.replace(/\/$/, '')}/`,
        );
        const receipt = await withWeComFailures(() =>
          deps.messages.sendToMembers(sender, owners, { msgtype: 'textcard', textcard: card }),
        );
        undelivered = receipt.undelivered;
      }
      await WelcomeMessageModel.updateOne(
        { tenantId, _id: welcomeId },
        { $set: { ownersNotifiedAt: new Date(), ownersUndelivered: undelivered } },
      );
      return { owners: owners.length };
    },
  };
}

export type GroupWelcomeActivities = ReturnType<typeof createGroupWelcomeActivities>;
