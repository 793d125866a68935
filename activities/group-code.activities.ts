import {
  groupCodeAdminUrl,
  groupCodeAlertTextcard,
  type GroupCodeAlertKind,
} from '../lib/group-codes/group-code-alert-message';
import { recomputeGroupCodeStatus } from '../lib/group-codes/group-code-status';
import { isUsable } from '../lib/group-codes/group-states';
import { GroupCodeModel } from '../lib/models/group-code.model';
import type { MessageApi } from '../lib/wecom/message-api';
import type { GroupCodeReview } from '../workflows/group-code.contract';
import type { AppSenderLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface GroupCodeActivityDeps {
  messages: MessageApi;
  appSender: AppSenderLoader;
  publicUrl: string;
}

export interface GroupCodeRef {
  tenantId: string;
  codeId: string;
}

/** The side effects of a 群活码's rotation: the status in MongoDB and the app messages to its creator. */
export function createGroupCodeActivities(deps: GroupCodeActivityDeps) {
  return {
    /** Recomputes and stores 活码状态, and answers what the workflow decides on; `deleted` once it is gone. */
    async reviewGroupCode({ tenantId, codeId }: GroupCodeRef): Promise<GroupCodeReview | { deleted: true }> {
      const now = new Date();
      const recomputed = await recomputeGroupCodeStatus(tenantId, codeId, now);
      if (!recomputed) return { deleted: true };
      const code = await GroupCodeModel.findOne({ tenantId, _id: codeId }, { name: 1 }).lean();
      return {
        deleted: false,
        name: code?.name ?? '',
        status: recomputed.status,
        usable: recomputed.groups
          .filter((group) => isUsable(group, now))
          .map((group) => ({
            id: group.id,
            name: group.name,
            expiresAt: group.expiresAt.getTime(),
            remaining: group.remaining,
            scanLimit: group.scanLimit,
          })),
      };
    },

    /**
     * One textcard to the code's creator through the tenant's app (R-0-13), kept as the code's latest alert
     * with whether it reached them (a creator who left does not get it: the list shows 未送达).
     */
    async sendGroupCodeAlert(
      input: GroupCodeRef & { kind: GroupCodeAlertKind },
    ): Promise<'sent' | 'skipped'> {
      const { tenantId, codeId, kind } = input;
      const code = await GroupCodeModel.findOne({ tenantId, _id: codeId }).lean();
      if (!code || code.deletedAt) return 'skipped';
      const sender = await deps.appSender(tenantId);
      const textcard = groupCodeAlertTextcard({
        kind,
        codeName: code.name,
        scene: code.scene,
        url: groupCodeAdminUrl(deps.publicUrl, codeId),
      });
      const receipt = await withWeComFailures(() =>
        deps.messages.sendToMembers(sender, [code.creator.userid], { msgtype: 'textcard', textcard }),
      );
      await GroupCodeModel.updateOne(
        { tenantId, _id: codeId },
        { $set: { lastAlert: { kind, sentAt: new Date(), undelivered: receipt.undelivered } } },
      );
      return 'sent';
    },
  };
}

export type GroupCodeActivities = ReturnType<typeof createGroupCodeActivities>;
