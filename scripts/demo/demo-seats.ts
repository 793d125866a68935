/**
 * 开启系统 for the demo's first sales staff, through 组织架构's own switch (setSystemAccess), so each takes a seat
 * by the product's seat rules (lib/org/seats.ts). They can then sign in through WeCom: the README's H5 side
 * panel example opens as lina, one of them. Staff already switched on are left alone.
 */
import { setSystemAccess } from '../../api/modules/org/system-access.use-case';
import { StaffModel } from '../../lib/models/staff.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { departmentSubtrees } from '../../lib/org/department-subtree';
import { countSeatsInUse } from '../../lib/org/seats';
import { demoCorpSeed } from '../../wecom-sim/seed/demo-corp';
import type { DemoAdmin } from './demo-admin';

const SEATED_SALES_STAFF = 10;
const SALES_DEPARTMENT = '销售部';

/** The active members of 销售部 and the departments under it, in the demo corp's order, the first ten. */
export function demoSeatedStaff(): string[] {
  const links = demoCorpSeed.departments.map((d) => ({ deptId: d.id, parentId: d.parentid ?? 0 }));
  const root = demoCorpSeed.departments.find((d) => d.name === SALES_DEPARTMENT)!.id;
  const sales = new Set(departmentSubtrees(links, [root]));
  return demoCorpSeed.members
    .filter((member) => (member.status ?? 1) === 1 && (member.department ?? []).some((id) => sales.has(id)))
    .slice(0, SEATED_SALES_STAFF)
    .map((member) => member.userid);
}

/**
 * Whether the org sync (the seed starts it; the worker runs it) has finished writing the staff: switching
 * someone on while a sync step still writes their row can be lost on FerretDB, which applies concurrent updates
 * of one document by reading it and writing it back whole.
 */
export async function orgSyncFinished(tenantId: string): Promise<boolean> {
  const [completed, running] = await Promise.all([
    SyncRunModel.exists({ tenantId, kind: 'org', status: 'completed' }),
    SyncRunModel.exists({ tenantId, kind: 'org', status: 'running' }),
  ]);
  return completed !== null && running === null;
}

/** Switches the demo's seated staff on; answers how many were switched on now and the seats in use after. */
export async function seatDemoStaff(admin: DemoAdmin): Promise<{ switchedOn: number; seatsInUse: number }> {
  const { tenantId } = admin.session;
  const enabled = await StaffModel.find({ tenantId, systemEnabled: true }, { userid: 1 }).lean();
  const already = new Set(enabled.map((staff) => staff.userid));
  const pending = demoSeatedStaff().filter((userid) => !already.has(userid));
  for (const userid of pending) await setSystemAccess(admin.caller, { userid, enabled: true });
  return { switchedOn: pending.length, seatsInUse: await countSeatsInUse(tenantId) };
}
