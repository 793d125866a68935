import { DepartmentModel } from '../lib/models/department.model';
import { defaultStaffRoleId } from '../lib/access/built-in-roles';
import { StaffModel } from '../lib/models/staff.model';
import { syncableFields } from '../lib/org/pending-fields';
import { departmentFields, staffFields } from '../lib/org/wecom-records';
import { parseCallbackXml, readContactChange, type ContactChange } from '../lib/wecom/callback-event';
import { applyInboxEvent, strandedCallbackEvents } from '../lib/wecom/callback-inbox';
import type { ContactsApi } from '../lib/wecom/contacts-api';
import { WeComApiError } from '../lib/wecom/errors';
import type { CredentialsLoader } from './tenant-credentials';
import { recomputeStaffCodeStatus } from '../lib/acquisition/staff-code-status';
import { withWeComFailures } from './wecom-failure';

export interface ContactEventDeps {
  contacts: ContactsApi;
  credentials: CredentialsLoader;
  now?: () => Date;
}

// WeCom answers these when the member or department is already gone again: nothing left to apply.
const GONE_ERRCODES = new Set([60003, 60111, 60123, 40003]);

/**
 * Applies one stored change_contact callback. Since 2022 WeCom sends only ids for member changes,
 * so members and departments are read back from WeCom rather than trusted from the payload.
 */
export function createContactEventActivities(deps: ContactEventDeps) {
  const now = deps.now ?? (() => new Date());

  async function apply(tenantId: string, change: ContactChange): Promise<'applied' | 'ignored'> {
    switch (change.ChangeType) {
      case 'create_user':
      case 'update_user': {
        const userid = (change.ChangeType === 'update_user' && change.NewUserID) || change.UserID;
        if (userid !== change.UserID) {
          await StaffModel.updateOne({ tenantId, userid: change.UserID }, { $set: { userid } });
        }
        const credentials = await deps.credentials(tenantId);
        const user = await readOrGone(() => deps.contacts.getUser(credentials, userid));
        if (!user) return 'ignored';
        // Fields with a local edit on its way to WeCom keep the edit (lib/org/pending-fields.ts).
        const local = await StaffModel.findOne({ tenantId, userid }, { writeBack: 1 }).lean();
        const fields = syncableFields(staffFields(user), local?.writeBack);
        if (!fields) return 'ignored';
        const roleId = await defaultStaffRoleId(tenantId);
        await StaffModel.updateOne(
          { tenantId, userid },
          {
            $set: { ...fields, lastSeenAt: now() },
            $unset: { deletedAt: '' },
            // A newcomer gets the built-in 员工 role (I-100).
            ...(roleId ? { $setOnInsert: { roleId } } : {}),
          },
          { upsert: true },
        );
        await recomputeStaffCodeStatus(tenantId, [userid]);
        return 'applied';
      }
      case 'delete_user':
        await StaffModel.updateOne(
          { tenantId, userid: change.UserID, deletedAt: { $exists: false } },
          { $set: { deletedAt: now(), systemEnabled: false } },
        );
        await recomputeStaffCodeStatus(tenantId, [change.UserID]);
        return 'applied';
      case 'create_party':
      case 'update_party': {
        const credentials = await deps.credentials(tenantId);
        const department = await readOrGone(() => deps.contacts.getDepartment(credentials, change.Id));
        if (!department) return 'ignored';
        const local = await DepartmentModel.findOne({ tenantId, deptId: change.Id }, { writeBack: 1 }).lean();
        const fields = syncableFields(departmentFields(department), local?.writeBack);
        if (!fields) return 'ignored';
        await DepartmentModel.updateOne(
          { tenantId, deptId: change.Id },
          { $set: { ...fields, lastSeenAt: now() } },
          { upsert: true },
        );
        return 'applied';
      }
      case 'delete_party':
        await DepartmentModel.deleteOne({ tenantId, deptId: change.Id });
        return 'applied';
      case 'update_tag':
        // Member tags (通讯录标签) are not part of the product.
        return 'ignored';
    }
  }

  return {
    /** Stored change_contact events whose hand-off to the workflow failed. */
    listStrandedContactEvents: (input: { tenantId: string; receivedBefore: string }) =>
      strandedCallbackEvents('contacts', input),

    applyContactEvent: (input: { tenantId: string; inboxKey: string }) =>
      applyInboxEvent(
        'contacts',
        input,
        (xml) => apply(input.tenantId, readContactChange(parseCallbackXml(xml))),
        now,
      ),
  };

  async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
    return withWeComFailures(async () => {
      try {
        return await read();
      } catch (error) {
        if (error instanceof WeComApiError && GONE_ERRCODES.has(error.errcode)) return undefined;
        throw error;
      }
    });
  }
}

export type ContactEventActivities = ReturnType<typeof createContactEventActivities>;
