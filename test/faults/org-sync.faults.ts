import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { startWorkflow } from '../../lib/temporal/typed-workflows';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { populateCorp, simulator } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

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
 * has) through every fault a worker can meet: each run syncs a corp of its own. The fault-free end state: the
 * departments and members exactly as the simulator's corp has them, each once, nobody marked as gone.
 */
describe('org sync × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let mobile = 13700000970;

  beforeAll(async () => {
    app = await startTestApp('faults-org-sync');
    rig = await startFaultRig(app, 'org-sync');
    await rig.worker.start();
    await rig.setBaseLatency(USERS_PATH, SLOW_USERS_MS);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  faultCells(
    'org sync',
    () => rig,
    [
      'worker-kill',
      'db-cut',
      'es-cut',
      'temporal-cut',
      'wecom-down',
      'wecom-5xx',
      'wecom-busy',
      'wecom-slow',
    ],
    {
      windowMs: 4 * SLOW_USERS_MS + 1000,
      recoverWithinMs: 180_000,
      async start(label) {
        const tenantId = freshTenantId(`faults-org-${label}`);
        const corp = await simulator.createCorp(`通讯录故障${label}`);
        await populateCorp(corp.corpId, MEMBERS);
        await createBoundTenant(tenantId, corp, { adminMobile: String((mobile += 1)) });
        await startWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
          workflowId: `org-sync/${tenantId}/faults`,
          taskQueue: app.config.temporalTaskQueue,
          args: [{ tenantId, trigger: 'manual' }],
        });
        return { tenantId, corpId: corp.corpId };
      },
      async done({ tenantId }) {
        const run = await SyncRunModel.findOne({ tenantId, kind: 'org' }).lean();
        return run?.status === 'completed';
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
            observed: departments.map((d) =>
              departmentKey({ id: d.deptId, parentid: d.parentId, name: d.name }),
            ),
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
    },
  );
});
