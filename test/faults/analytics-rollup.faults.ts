import { recordCustomerEvents, type CustomerEventRow } from '../../lib/customers/customer-writes';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { listIndexNames } from '../../lib/search/list-read-model';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { executeWorkflow, startWorkflow } from '../../lib/temporal/typed-workflows';
import { addDays, chinaDayOf } from '../../workflows/china-day';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { populateCorp, simulator } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('faults-an');
const MEMBERS = 20;
const BEHAVIOR_PATH = '/externalcontact/get_user_behavior_data';
/** WeCom's figures of each member take this long, so the rollup lasts seconds and a fault can land inside it. */
const SLOW_BEHAVIOR_MS = 300;

/** populateCorp's userids. */
const userids = Array.from({ length: MEMBERS }, (_, i) => `staff${String(i + 1).padStart(3, '0')}`);
/** Customers each member added on a run's day: 1 to 3, so that a row with another member's figures shows. */
const addsOf = (index: number) => (index % 3) + 1;

/**
 * The 统计分析 rollup (a day's customer events and WeCom's figures → one staff × day row per member in MongoDB
 * and in its read model) through every fault a worker can meet: each run rolls up a day of its own (a 补算 of one
 * day, a day further back each run) of one tenant of 20 members, with 1–3 customers added by each that day.
 * The fault-free end state: one row per member with our count and WeCom's figures, one document each.
 */
describe('analytics rollup × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let runs = 0;

  beforeAll(async () => {
    app = await startTestApp('faults-analytics');
    rig = await startFaultRig(app, 'analytics');
    const corp = await simulator.createCorp('统计故障企业');
    await populateCorp(corp.corpId, MEMBERS);
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000981' });
    await rig.worker.start();
    await executeWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/faults`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'manual' }],
    });
    await rig.setBaseLatency(BEHAVIOR_PATH, SLOW_BEHAVIOR_MS);
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  /** A row's key: whose it is, what it counted of ours, whether WeCom's figures are in. */
  const rowKey = (userid: string, newContact: number, hasWecom: boolean) =>
    `${userid}:${newContact}:${hasWecom ? 'wecom' : 'ours only'}`;

  faultCells(
    'analytics rollup',
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
      windowMs: MEMBERS * SLOW_BEHAVIOR_MS + 1000,
      // A killed worker's rollup moves on once its heartbeat (2 minutes) is missed.
      recoverWithinMs: 300_000,
      async start(label) {
        runs += 1;
        const day = addDays(chinaDayOf(Date.now()), -runs);
        const events: CustomerEventRow[] = userids.flatMap((userid, index) =>
          Array.from({ length: addsOf(index) }, (_, n) => ({
            _id: `faults:${day}:${userid}:${n}`,
            externalUserid: `wm-faults-${day}-${userid}-${n}`,
            userid,
            kind: 'added' as const,
            at: new Date(`${day}T1${n}:00:00+08:00`),
            addWay: 1,
            via: 'callback' as const,
          })),
        );
        await recordCustomerEvents(TENANT, events);
        const handle = await startWorkflow(app.temporal.workflow, 'analyticsBackfillWorkflow', {
          workflowId: `analytics-backfill/${TENANT}/faults-${label}`,
          taskQueue: app.config.temporalTaskQueue,
          args: [{ tenantId: TENANT, from: day, to: day }],
        });
        return { day, handle };
      },
      async done({ handle }) {
        return (await handle.describe()).status.name === 'COMPLETED';
      },
      async tally({ day }) {
        const { es } = app.listSearch;
        const alias = listIndexNames(
          staffDayStatReadModel.kind,
          staffDayStatReadModel.version,
          app.config.esIndexPrefix,
        ).alias;
        await es.indices.refresh({ index: alias });
        const [rows, documents] = await Promise.all([
          StaffDayStatModel.find({ tenantId: TENANT, day }).lean(),
          es.search<{ userid: string; hasWecom: boolean; ours: { newContact: number } }>({
            index: alias,
            query: { bool: { filter: [{ term: { tenantId: TENANT } }, { term: { day } }] } },
            size: 4 * MEMBERS,
          }),
        ]);
        const expected = userids.map((userid, index) => rowKey(userid, addsOf(index), true));
        return [
          {
            what: 'staff × day rows',
            expected,
            observed: rows.map((row) => rowKey(row.userid, row.ours?.newContact ?? 0, row.wecom != null)),
          },
          {
            what: 'staff × day documents',
            expected,
            observed: documents.hits.hits.map(({ _source }) =>
              rowKey(_source!.userid, _source!.ours.newContact, _source!.hasWecom),
            ),
          },
        ];
      },
    },
  );
});
