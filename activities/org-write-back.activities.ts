import { DepartmentModel } from '../lib/models/department.model';
import { OrgChangeModel, type OrgChange } from '../lib/models/org-change.model';
import { StaffModel } from '../lib/models/staff.model';
import { TenantModel } from '../lib/models/tenant.model';
import { contactsSecretHash } from '../lib/org/contacts-permission';
import { departmentFields, staffFields } from '../lib/org/wecom-records';
import { READ_ONLY_ERRCODES, wecomWriteMessage } from '../lib/org/wecom-write-messages';
import type { WeComCredentials } from '../lib/wecom/client';
import type { ContactsApi, DepartmentWrite, UserWrite } from '../lib/wecom/contacts-api';
import { WeComApiError, WeComTransportError } from '../lib/wecom/errors';
import type { CredentialsLoader } from './tenant-credentials';

export interface OrgWriteBackDeps {
  contacts: ContactsApi;
  credentials: CredentialsLoader;
  now?: () => Date;
}

type StoredChange = OrgChange & { _id: unknown };

const NOT_BOUND_MESSAGE = '尚未绑定企业微信，修改未能同步';

// A delete whose target WeCom no longer has is done.
const GONE_ON_DELETE = new Set([60003, 60111, 40003]);

/**
 * Writes one saved org edit to WeCom's contacts API (I-95). Success clears the record's pending mark;
 * a refusal marks the edit failed with WeCom's errcode and a Chinese message and puts WeCom's truth back
 * locally; WeCom being busy or unreachable is thrown, so Temporal retries it until WeCom answers.
 */
export function createOrgWriteBackActivities(deps: OrgWriteBackDeps) {
  const now = deps.now ?? (() => new Date());

  async function send(credentials: WeComCredentials, change: StoredChange): Promise<void> {
    const request = change.request as DepartmentWrite & UserWrite;
    if (change.kind === 'department') {
      if (change.op === 'create') await deps.contacts.createDepartment(credentials, request);
      else if (change.op === 'update') await deps.contacts.updateDepartment(credentials, request);
      else await deps.contacts.deleteDepartment(credentials, request.id);
    } else {
      if (change.op === 'create') await deps.contacts.createUser(credentials, request);
      else if (change.op === 'update') await deps.contacts.updateUser(credentials, request);
      else await deps.contacts.deleteUser(credentials, request.userid);
    }
  }

  /**
   * A create retried after WeCom already did it (the worker died before recording success) answers
   * "exists": it is ours when WeCom's record is the one we asked for.
   */
  async function alreadyApplied(
    credentials: WeComCredentials,
    change: StoredChange,
    errcode: number,
  ): Promise<boolean> {
    if (change.op === 'delete') return GONE_ON_DELETE.has(errcode);
    if (change.op !== 'create') return false;
    const request = change.request as DepartmentWrite & UserWrite;
    try {
      if (change.kind === 'department' && errcode === 60008) {
        const existing = await deps.contacts.getDepartment(credentials, request.id);
        return existing.name === request.name && existing.parentid === request.parentid;
      }
      if (change.kind === 'staff' && errcode === 60102) {
        const existing = await deps.contacts.getUser(credentials, request.userid);
        return existing.name === request.name && existing.mobile === request.mobile;
      }
    } catch {
      return false;
    }
    return false;
  }

  const targetFilter = (change: StoredChange) =>
    change.kind === 'department'
      ? { model: DepartmentModel, filter: { tenantId: change.tenantId, deptId: Number(change.targetId) } }
      : { model: StaffModel, filter: { tenantId: change.tenantId, userid: change.targetId } };

  /** The record first, the change last: a retry after a crash in between finds the change still pending. */
  async function markApplied(change: StoredChange): Promise<void> {
    const changeId = String(change._id);
    const { model, filter } = targetFilter(change);
    if (change.kind === 'department' && change.op === 'delete') {
      await DepartmentModel.deleteOne({ ...filter, 'writeBack.changeId': changeId });
    } else {
      // WeCom has it now: from here on it is a WeCom record like any synced one.
      if (change.op === 'create')
        await (model as typeof StaffModel).updateOne(filter, { $set: { lastSeenAt: now() } });
      // A newer edit of the same record keeps its own pending mark.
      await (model as typeof StaffModel).updateOne(
        { ...filter, 'writeBack.changeId': changeId },
        { $unset: { writeBack: '' } },
      );
    }
    await OrgChangeModel.updateOne(
      { tenantId: change.tenantId, _id: change._id },
      { $set: { status: 'applied', appliedAt: now() }, $unset: { lastError: '' } },
    );
  }

  /** WeCom's record as it is now, or undefined when WeCom does not have it. */
  async function readWeCom(credentials: WeComCredentials, change: StoredChange) {
    try {
      return change.kind === 'department'
        ? departmentFields(await deps.contacts.getDepartment(credentials, Number(change.targetId)))
        : staffFields(await deps.contacts.getUser(credentials, change.targetId));
    } catch (error) {
      if (error instanceof WeComApiError && !error.retryable) return undefined;
      throw error;
    }
  }

  /**
   * Rolls the record back to WeCom's truth, then records the refusal; in that order, so a retry after a crash
   * in between finds the change still pending and does it all again. A newer edit of the same record that is
   * still on its way keeps the record as it is: it will land, and the next sync converges the rest.
   */
  async function markFailed(
    credentials: WeComCredentials,
    change: StoredChange,
    errcode: number,
    message: string,
  ): Promise<void> {
    const changeId = String(change._id);
    const { model, filter } = targetFilter(change);
    const current = await (model as typeof StaffModel).findOne(filter, { writeBack: 1 }).lean();
    const newerPending = current?.writeBack?.status === 'pending' && current.writeBack.changeId !== changeId;
    if (!newerPending)
      await rollBack(credentials, change, {
        changeId,
        status: 'failed',
        op: change.op,
        fields: [],
        errcode,
        message,
      });

    if (READ_ONLY_ERRCODES.has(errcode)) {
      // The hash of the secret as stored (sealed): a binding saved again afterwards no longer matches it.
      const stored = await TenantModel.findById(change.tenantId, { 'wecom.contactsSecret': 1 }).lean();
      const secretHash = contactsSecretHash(stored?.wecom?.contactsSecret ?? credentials.secret);
      await TenantModel.updateOne(
        { _id: change.tenantId },
        {
          $set: {
            contactsReadOnly: { secretHash, errcode, at: now() },
          },
        },
      );
    }
    await OrgChangeModel.updateOne(
      { tenantId: change.tenantId, _id: change._id },
      { $set: { status: 'failed', errcode, message, appliedAt: now() } },
    );
  }

  /** The failure stays visible on the record (同步失败) and in the write-back list. */
  async function rollBack(
    credentials: WeComCredentials,
    change: StoredChange,
    failed: Record<string, unknown>,
  ) {
    const { filter } = targetFilter(change);
    const read = change.op === 'create' ? undefined : await readWeCom(credentials, change);
    // A record WeCom does not have (a local-only member such as the tenant's first admin) keeps its old values.
    const truth = read ?? (change.op === 'update' ? (change.before as Record<string, unknown>) : undefined);
    if (change.kind === 'department') {
      if (truth) await DepartmentModel.updateOne(filter, { $set: { ...truth, writeBack: failed } });
      else await DepartmentModel.deleteOne(filter);
    } else if (truth) {
      await StaffModel.updateOne(filter, {
        $set: { ...truth, writeBack: failed },
        $unset: { deletedAt: '' },
      });
    } else {
      await StaffModel.updateOne(filter, {
        $set: { deletedAt: now(), systemEnabled: false, writeBack: failed },
      });
    }
  }

  return {
    /** The tenant's oldest edit not yet written back. */
    async nextPendingOrgChange(input: { tenantId: string }): Promise<{ changeId: string | null }> {
      const next = await OrgChangeModel.findOne({ tenantId: input.tenantId, status: 'pending' }, { _id: 1 })
        .sort({ seq: 1 })
        .lean();
      return { changeId: next ? String(next._id) : null };
    },

    async applyOrgChange(input: { tenantId: string; changeId: string }): Promise<{ status: string }> {
      const change = (await OrgChangeModel.findOne({
        tenantId: input.tenantId,
        _id: input.changeId,
      }).lean()) as StoredChange | null;
      if (!change || change.status !== 'pending') return { status: change?.status ?? 'missing' };
      const tenant = await TenantModel.findById(input.tenantId, { wecom: 1 }).lean();
      if (!tenant?.wecom) {
        // The binding was removed after the edit: nothing can be written; say so instead of waiting forever.
        await OrgChangeModel.updateOne(
          { tenantId: input.tenantId, _id: change._id },
          { $set: { status: 'failed', message: NOT_BOUND_MESSAGE, appliedAt: now() } },
        );
        return { status: 'failed' };
      }
      const credentials = await deps.credentials(input.tenantId);
      try {
        await send(credentials, change);
      } catch (error) {
        if (error instanceof WeComTransportError || (error instanceof WeComApiError && error.retryable)) {
          // Recorded for the admin ("等待企业微信恢复"), then thrown so Temporal tries again later.
          await OrgChangeModel.updateOne(
            { tenantId: input.tenantId, _id: change._id },
            { $inc: { attempts: 1 }, $set: { lastError: error.message } },
          );
          throw error;
        }
        if (!(error instanceof WeComApiError)) throw error;
        if (await alreadyApplied(credentials, change, error.errcode)) {
          await markApplied(change);
          return { status: 'applied' };
        }
        await markFailed(credentials, change, error.errcode, wecomWriteMessage(error.errcode, error.errmsg));
        return { status: 'failed' };
      }
      await markApplied(change);
      return { status: 'applied' };
    },
  };
}

export type OrgWriteBackActivities = ReturnType<typeof createOrgWriteBackActivities>;
