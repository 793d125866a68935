import { StaffCodeModel } from '../lib/models/staff-code.model';
import { usableUserids } from '../lib/acquisition/staff-code-status';
import type { WeComCredentials } from '../lib/wecom/client';
import type { ContactWayApi, ContactWayConfig } from '../lib/wecom/contact-way-api';
import { WeComApiError } from '../lib/wecom/errors';
import type { CredentialsLoader } from './tenant-credentials';

export interface StaffCodeSyncDeps {
  contactWays: ContactWayApi;
  credentials: CredentialsLoader;
}

export interface StaffCodeRef {
  tenantId: string;
  codeId: string;
}

/** del_contact_way of a way WeCom no longer has: the goal is reached. */
const WAY_GONE = 41044;

/**
 * Brings WeCom's 「联系我」 way to the code's saved version (R-2.2, I-28): add_contact_way for a new code (state =
 * the code's id), update_contact_way after 编辑, del_contact_way after 删除. WeCom refusing (a member not
 * activated: 41054, too many members: 41041…) is stored on the code with WeCom's errcode for the admin to see;
 * an outage or a busy WeCom is thrown, so Temporal retries until WeCom answers.
 */
export function createStaffCodeSyncActivities(deps: StaffCodeSyncDeps) {
  async function wayConfig(
    tenantId: string,
    code: {
      _id: unknown;
      kind: string;
      userids: string[];
      departmentIds: number[];
      memberUserids: string[];
      skipVerify?: boolean | null;
      scene: string;
    },
  ): Promise<ContactWayConfig> {
    // Members who left cannot be in a way (WeCom refuses them); the way keeps the ones who can take customers.
    const usable = await usableUserids(tenantId, code.memberUserids);
    const chosen = code.kind === 'single' ? code.memberUserids.slice(0, 1) : code.userids;
    return {
      type: code.kind === 'single' ? 1 : 2,
      skipVerify: code.skipVerify ?? true,
      state: String(code._id),
      remark: [...code.scene].slice(0, 30).join(''),
      user: chosen.filter((userid) => usable.has(userid)),
      party: code.kind === 'single' ? [] : code.departmentIds,
    };
  }

  return {
    /** One step towards WeCom; `settled` once WeCom holds the latest version (or refused it). */
    async syncStaffCodeToWeCom({ tenantId, codeId }: StaffCodeRef): Promise<{ settled: boolean }> {
      const code = await StaffCodeModel.findOne({ tenantId, _id: codeId }).lean();
      if (!code) return { settled: true };
      const version = code.version ?? 1;
      const configId = code.wecom?.configId;
      if (!code.deletedAt && (code.syncedVersion ?? 0) >= version) return { settled: true };
      if (code.deletedAt && !configId) return { settled: true };

      const settle = (update: Record<string, unknown>) =>
        StaffCodeModel.updateOne(
          { tenantId, _id: codeId, version },
          { $set: { syncedVersion: version, ...update } },
        );
      const credentials: WeComCredentials = await deps.credentials(tenantId);
      try {
        if (code.deletedAt) {
          try {
            await deps.contactWays.deleteContactWay(credentials, configId!);
          } catch (error) {
            if (!(error instanceof WeComApiError && error.errcode === WAY_GONE)) throw error;
          }
          await StaffCodeModel.updateOne(
            { tenantId, _id: codeId },
            { $set: { 'sync.status': 'synced' }, $unset: { 'wecom.configId': '' } },
          );
          return { settled: true };
        }
        const config = await wayConfig(tenantId, code);
        if (!configId) {
          const created = await deps.contactWays.addContactWay(credentials, config);
          // Stored whatever happened meanwhile: the way exists now, and a newer version is an update of it.
          await StaffCodeModel.updateOne(
            { tenantId, _id: codeId },
            { $set: { 'wecom.configId': created.configId, 'wecom.qrCode': created.qrCode } },
          );
        } else {
          await deps.contactWays.updateContactWay(credentials, configId, config);
        }
        await settle({ sync: { status: 'synced' } });
      } catch (error) {
        if (!(error instanceof WeComApiError) || error.retryable) throw error;
        await settle({ sync: { status: 'failed', errcode: error.errcode, errmsg: error.errmsg } });
      }
      const after = await StaffCodeModel.findOne(
        { tenantId, _id: codeId },
        { version: 1, syncedVersion: 1 },
      ).lean();
      return { settled: !after || (after.syncedVersion ?? 0) >= (after.version ?? 1) };
    },
  };
}

export type StaffCodeSyncActivities = ReturnType<typeof createStaffCodeSyncActivities>;
