import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { describeFaultRow } from '../support/fault-row';
import { populateCorp, simulator } from '../support/sim-client';

/** 4 departments (root + 3), 25 members spread over three of them. */
const MEMBERS = 25;
const USERS_PATH = '/user/list';
/** Each department's member list takes this long, so the sync lasts seconds and a fault can land inside it. */
const SLOW_USERS_MS = 1500;

/** A department or member as a tally key: what the sync must copy, so that a wrong copy shows as lost. */
const departmentKey = (d: { id: number; parentid: number; name: string }) =>
  `${d.id}:${d.parentid}:${d.name}`;
const memberKey = (m: { userid: string; name: string; department: number[] }) =>
  `${m.userid}:${m.name}:${[...m.department].sort((a, b) => a - b).join(',')}`;

/**
 * The org sync (通讯录 → MongoDB: departments, then members department by department, then what WeCom no longer
 * has) through every fault: each run syncs a corp of its own, started as the admin starts it (组织架构's 同步
 * button, through the rig's api process) and followed as the page follows it (its 同步 line), so that the
 * api-kill cell kills the api while the sync runs and the admin reads its status. The fault-free end state: the
 * departments and members exactly as the simulator's corp has them, each once, nobody marked as gone.
 */
describeFaultRow('org sync', { name: 'org-sync', wecomLatency: { [USERS_PATH]: SLOW_USERS_MS } }, (row) => ({
  windowMs: 4 * SLOW_USERS_MS + 1000,
  recoverWithinMs: 180_000,
  async start(label) {
    const { tenantId, corp, adminMobile } = await row.boundTenant(
      `faults-org-${label}`,
      `通讯录故障${label}`,
    );
    await populateCorp(corp.corpId, MEMBERS);
    const operator = await row.operator(adminMobile);
    await operator.post('/api/org/sync').expect(202);
    return { tenantId, corpId: corp.corpId, operator };
  },
  async done({ operator }) {
    const { body } = await operator.get('/api/org/sync').expect(200);
    return body.lastSync?.status === 'completed';
  },
  async tally({ tenantId, corpId }) {
    const wecom = (await simulator.corp(corpId)) as unknown as {
      departments: Array<{ id: number; parentid: number; name: string }>;
      users: Array<{ userid: string; name: string; department: number[] }>;
    };
    // The fixture's admin is ours, not a WeCom member: no sync ever sees it.
    const [departments, staff] = await Promise.all([
      DepartmentModel.find({ tenantId }, { deptId: 1, parentId: 1, name: 1 }).lean(),
      StaffModel.find(
        { tenantId, lastSeenAt: { $exists: true }, deletedAt: { $exists: false } },
        { userid: 1, name: 1, departmentIds: 1 },
      ).lean(),
    ]);
    return [
      {
        what: 'departments',
        expected: wecom.departments.map(departmentKey),
        observed: departments.map((d) => departmentKey({ id: d.deptId, parentid: d.parentId, name: d.name })),
      },
      {
        what: 'members',
        expected: wecom.users.map(memberKey),
        observed: staff.map((s) =>
          memberKey({ userid: s.userid, name: s.name, department: s.departmentIds }),
        ),
      },
    ];
  },
}));
