import { defaultStaffRoleId } from '../lib/access/built-in-roles';
import { DepartmentModel } from '../lib/models/department.model';
import { OrgChangeModel } from '../lib/models/org-change.model';
import { StaffModel } from '../lib/models/staff.model';
import { staffSightingId, StaffSightingModel } from '../lib/models/staff-sighting.model';
import { finishSyncRun } from './sync-runs.activities';
import { SyncRunModel } from '../lib/models/sync-run.model';
import { NOT_PENDING, syncableFields, type WriteBackView } from '../lib/org/pending-fields';
import { departmentFields, holdsFields, staffFields } from '../lib/org/wecom-records';
import type { ContactsApi, WeComUser } from '../lib/wecom/contacts-api';
import type { CredentialsLoader } from './tenant-credentials';
import { heartbeatOrStop } from './cancellation-checkpoint';
import { recomputeStaffCodeStatus } from '../lib/acquisition/staff-code-status';
import { withWeComFailures } from './wecom-failure';
import { bulkWriteInSlices } from '../lib/db/bulk-write-in-slices';
import { findMatchingAny } from '../lib/db/find-matching-any';

export interface OrgSyncDeps {
  contacts: ContactsApi;
  credentials: CredentialsLoader;
  /** Wakes the tenant's org write-back when edits are still pending (see lib/org/wake-org-write-back.ts). */
  wakeWriteBack?: (tenantId: string) => Promise<void>;
  now?: () => Date;
}

/** What the sync compares of a stored member: WeCom's fields and whether the row is current. */
const STORED_MEMBER_FIELDS = Object.fromEntries(
  [
    ...Object.keys(staffFields({ userid: '', name: '', department: [] })),
    'userid',
    'deletedAt',
    'lastSeenAt',
  ].map((name) => [name, 1 as const]),
);
type StoredMember = Record<string, unknown> & { userid: string; deletedAt?: Date; lastSeenAt?: Date };

/** The steps of the org sync workflow; each is idempotent, keyed by WeCom's own ids. */
export function createOrgSyncActivities(deps: OrgSyncDeps) {
  const now = deps.now ?? (() => new Date());

  return {
    /** Records the run (once, even when retried) and returns when it started. */
    async beginOrgSync(input: {
      tenantId: string;
      syncId: string;
      trigger: string;
    }): Promise<{ startedAt: string }> {
      const run = await SyncRunModel.findOneAndUpdate(
        { tenantId: input.tenantId, _id: input.syncId },
        {
          $setOnInsert: {
            kind: 'org',
            trigger: input.trigger,
            workflowId: input.syncId,
            status: 'running',
            startedAt: now(),
          },
        },
        { upsert: true, new: true },
      ).lean();
      return { startedAt: run.startedAt.toISOString() };
    },

    async syncDepartments(input: { tenantId: string; syncId: string }): Promise<{ departmentIds: number[] }> {
      const credentials = await deps.credentials(input.tenantId);
      const departments = await withWeComFailures(() => deps.contacts.listDepartments(credentials));
      const seenAt = now();
      const pending = await pendingWriteBacks(DepartmentModel, input.tenantId, 'deptId');
      if (departments.length > 0) {
        await bulkWriteInSlices(
          DepartmentModel,
          departments.map((department) => ({
            updateOne: {
              filter: { tenantId: input.tenantId, deptId: department.id },
              update: {
                $set: {
                  ...syncableFields(departmentFields(department), pending.get(department.id)),
                  lastSeenAt: seenAt,
                },
              },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      }
      return { departmentIds: departments.map((d) => d.id) };
    },

    async syncStaffOfDepartments(input: {
      tenantId: string;
      syncId: string;
      departmentIds: number[];
    }): Promise<{
      staff: number;
    }> {
      const credentials = await deps.credentials(input.tenantId);
      const users = new Map<string, WeComUser>();
      for (const departmentId of input.departmentIds) {
        const members = await withWeComFailures(() =>
          deps.contacts.listUsersOfDepartment(credentials, departmentId),
        );
        for (const member of members) users.set(member.userid, member);
        heartbeatOrStop(departmentId);
      }
      const seenAt = now();
      const pending = await pendingWriteBacks(StaffModel, input.tenantId, 'userid');
      const stored = new Map(
        (
          await findMatchingAny<StoredMember>(
            StaffModel,
            [...users.keys()].map((userid) => ({ tenantId: input.tenantId, userid })),
            STORED_MEMBER_FIELDS,
          )
        ).map((member) => [member.userid, member]),
      );
      // Only members WeCom changed (or this sync has not stored yet) are written: the others' rows stay
      // untouched, so a 开启系统 or role change made meanwhile cannot be undone (see StaffSightingModel).
      const changed = [...users.values()].flatMap((user) => {
        const fields = syncableFields(staffFields(user), pending.get(user.userid));
        const member = stored.get(user.userid);
        const current = member && !member.deletedAt && member.lastSeenAt;
        if (current && (!fields || holdsFields(member, fields))) return [];
        return [{ user, fields }];
      });
      if (changed.length > 0) {
        // Newcomers get the built-in 员工 role (I-100); one read per batch, nothing per member.
        const roleId = await defaultStaffRoleId(input.tenantId);
        await bulkWriteInSlices(
          StaffModel,
          changed.map(({ user, fields }) => {
            // A member whose deletion is on its way to WeCom stays deleted here.
            const update = fields
              ? {
                  $set: { ...fields, lastSeenAt: seenAt },
                  $unset: { deletedAt: '' as const },
                  ...(roleId ? { $setOnInsert: { roleId } } : {}),
                }
              : { $set: { lastSeenAt: seenAt } };
            return {
              updateOne: { filter: { tenantId: input.tenantId, userid: user.userid }, update, upsert: true },
            };
          }),
          { ordered: false },
        );
      }
      await bulkWriteInSlices(
        StaffSightingModel,
        [...users.keys()].map((userid) => ({
          updateOne: {
            filter: { _id: staffSightingId(input.tenantId, userid) },
            update: { $set: { tenantId: input.tenantId, userid, seenAt } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      return { staff: users.size };
    },

    /**
     * Whatever no sync has seen since this one started has left WeCom. Comparing times, not sync ids,
     * keeps two overlapping syncs from removing what the other one just saw. Returns what WeCom has now.
     */
    async removeVanishedOrgRecords(input: { tenantId: string; seenSince: string }): Promise<{
      departments: number;
      staff: number;
    }> {
      const cutoff = new Date(input.seenSince);
      // An edit on its way to WeCom (a new department, say) is not "gone": WeCom may not have it yet.
      await DepartmentModel.deleteMany({
        tenantId: input.tenantId,
        lastSeenAt: { $lt: cutoff },
        ...NOT_PENDING,
      });
      // Members stored before this sync started, and not seen by it (nor by another sync since then).
      const [candidates, sighted] = await Promise.all([
        StaffModel.find(
          {
            tenantId: input.tenantId,
            deletedAt: { $exists: false },
            lastSeenAt: { $lt: cutoff },
            ...NOT_PENDING,
          },
          { userid: 1 },
        ).lean(),
        StaffSightingModel.find({ tenantId: input.tenantId, seenAt: { $gte: cutoff } }, { userid: 1 }).lean(),
      ]);
      const seen = new Set(sighted.map((sighting) => sighting.userid));
      for (const member of candidates.filter((candidate) => !seen.has(candidate.userid))) {
        await StaffModel.updateOne(
          { tenantId: input.tenantId, _id: member._id, deletedAt: { $exists: false } },
          { $set: { deletedAt: now(), systemEnabled: false } },
        );
      }
      // 员工活码 whose members all left turn 异常 (and back to 正常 when one returns).
      await recomputeStaffCodeStatus(input.tenantId);
      const departments = await DepartmentModel.countDocuments({
        tenantId: input.tenantId,
        lastSeenAt: { $gte: cutoff },
      });
      return { departments, staff: seen.size };
    },

    async finishOrgSync(input: {
      tenantId: string;
      syncId: string;
      status: 'completed' | 'failed';
      count: number;
      error?: string;
    }): Promise<void> {
      await finishSyncRun(input, now());
      // An edit saved while Temporal was unreachable was never handed to the write-back: hand it over now.
      if (
        deps.wakeWriteBack &&
        (await OrgChangeModel.exists({ tenantId: input.tenantId, status: 'pending' }))
      ) {
        await deps.wakeWriteBack(input.tenantId);
      }
    },
  };
}

/** Records of the tenant with an edit still on its way to WeCom (a handful at most), by WeCom id. */
export async function pendingWriteBacks<K extends 'deptId' | 'userid'>(
  model: typeof DepartmentModel | typeof StaffModel,
  tenantId: string,
  key: K,
): Promise<Map<K extends 'deptId' ? number : string, WriteBackView>> {
  const rows = (await (model as typeof StaffModel)
    .find({ tenantId, 'writeBack.status': 'pending' }, { [key]: 1, writeBack: 1 })
    .lean()) as Array<Record<string, unknown> & { writeBack?: WriteBackView | null }>;
  return new Map(
    rows
      .filter((row) => row.writeBack)
      .map((row) => [row[key] as K extends 'deptId' ? number : string, row.writeBack as WriteBackView]),
  );
}

export type OrgSyncActivities = ReturnType<typeof createOrgSyncActivities>;
