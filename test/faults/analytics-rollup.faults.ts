import { recordCustomerEvents, type CustomerEventRow } from '../../lib/customers/customer-writes';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { listIndexNames } from '../../lib/search/list-read-model';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { addDays, chinaDayOf } from '../../workflows/china-day';
import { describeFaultRow, type Operator } from '../support/fault-row';
import { populateCorp } from '../support/sim-client';

const MEMBERS = 20;
const BEHAVIOR_PATH = '/externalcontact/get_user_behavior_data';
/** WeCom's figures of each member take this long, so the rollup lasts seconds and a fault can land inside it. */
const SLOW_BEHAVIOR_MS = 300;
const BACKFILL_PATH = '/api/analytics/rollups/backfill';

/** populateCorp's userids. */
const userids = Array.from({ length: MEMBERS }, (_, i) => `staff${String(i + 1).padStart(3, '0')}`);
/** Customers each member added on a run's day: 1 to 3, so that a row with another member's figures shows. */
const addsOf = (index: number) => (index % 3) + 1;
/** A row's key: whose it is, what it counted of ours, whether WeCom's figures are in. */
const rowKey = (userid: string, newContact: number, hasWecom: boolean) =>
  `${userid}:${newContact}:${hasWecom ? 'wecom' : 'ours only'}`;

/**
 * The 统计分析 rollup (a day's customer events and WeCom's figures → one staff × day row per member in MongoDB
 * and in its read model) through every fault: each run rolls up a day of its own (a 补算 of one day, a day
 * further back each run) of one tenant of 20 members, with 1–3 customers added by each that day. The 补算 is
 * asked for and followed as the admin does it (数据分析's 补算 and its progress, through the rig's api process),
 * so that the api-kill cell kills the api while the rollup runs and the admin reads its progress. The
 * fault-free end state: one row per member with our count and WeCom's figures, one document each.
 */
let tenantId: string;
let admin: Operator;
let runs = 0;

describeFaultRow(
  'analytics rollup',
  {
    name: 'analytics',
    wecomLatency: { [BEHAVIOR_PATH]: SLOW_BEHAVIOR_MS },
    async setup(row) {
      const bound = await row.boundTenant('faults-an', '统计故障企业');
      tenantId = bound.tenantId;
      await populateCorp(bound.corp.corpId, MEMBERS);
      await executeWorkflow(row.app.temporal.workflow, 'orgSyncWorkflow', {
        workflowId: `org-sync/${tenantId}/faults`,
        taskQueue: row.app.config.temporalTaskQueue,
        args: [{ tenantId, trigger: 'manual' }],
      });
      admin = await row.operator(bound.adminMobile);
    },
  },
  (row) => ({
    windowMs: MEMBERS * SLOW_BEHAVIOR_MS + 1000,
    // A killed worker's rollup moves on once its heartbeat (2 minutes) is missed.
    recoverWithinMs: 300_000,
    async start() {
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
      await recordCustomerEvents(tenantId, events);
      await admin.post(BACKFILL_PATH).send({ from: day, to: day }).expect(202);
      return { day };
    },
    async done({ day }) {
      const { body } = await admin.get(BACKFILL_PATH).expect(200);
      return !body.running && body.from === day && body.daysDone === 1 && body.failure === null;
    },
    async tally({ day }) {
      const { es } = row.app.listSearch;
      const alias = listIndexNames(
        staffDayStatReadModel.kind,
        staffDayStatReadModel.version,
        row.app.config.esIndexPrefix,
      ).alias;
      await es.indices.refresh({ index: alias });
      const [rows, documents] = await Promise.all([
        StaffDayStatModel.find({ tenantId, day }).lean(),
        es.search<{ userid: string; hasWecom: boolean; ours: { newContact: number } }>({
          index: alias,
          query: { bool: { filter: [{ term: { tenantId } }, { term: { day } }] } },
          size: 4 * MEMBERS,
        }),
      ]);
      const expected = userids.map((userid, index) => rowKey(userid, addsOf(index), true));
      return [
        {
          what: 'staff × day rows',
          expected,
          observed: rows.map((stat) => rowKey(stat.userid, stat.ours?.newContact ?? 0, stat.wecom != null)),
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
  }),
);
