import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { customerIndexNames } from '../../lib/search/customer-index';
import { startWorkflow } from '../../lib/temporal/typed-workflows';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { customerScenario, simulator } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

/** Two pages of batch/get_by_user (100 relations each). */
const CUSTOMERS = 150;
const PAGE_PATH = '/externalcontact/batch/get_by_user';
/** Each page takes this long, so the sync lasts seconds and a fault can land inside it. */
const SLOW_PAGE_MS = 2000;

/**
 * The customer sync (客户联系 → MongoDB and the customer index) through every fault a worker can meet: each
 * run syncs a corp of its own (150 customers of one member) with a fault at a drawn point. The fault-free end
 * state: every customer once in MongoDB, one `added` event each, one search document each.
 */
describe('customer sync × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let mobile = 13700000920;

  beforeAll(async () => {
    app = await startTestApp('faults-customer-sync');
    rig = await startFaultRig(app, 'customer-sync');
    await rig.worker.start();
    await rig.setBaseLatency(PAGE_PATH, SLOW_PAGE_MS);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  faultCells(
    'customer sync',
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
      windowMs: 2 * SLOW_PAGE_MS + 1000,
      recoverWithinMs: 180_000,
      async start(label) {
        const tenantId = freshTenantId(`faults-cs-${label}`);
        const corp = await simulator.createCorp(`客户同步故障${label}`);
        await simulator.addUser(corp.corpId, {
          userid: 'seller',
          name: '销售',
          mobile: '13810000009',
          department: [1],
        });
        const customers: string[] = [];
        for (let i = 0; i < CUSTOMERS; i += 1) {
          const { customer } = await customerScenario.addCustomer(corp.corpId, {
            userid: 'seller',
            name: `客户${i}`,
          });
          customers.push(customer.external_userid);
        }
        await createBoundTenant(tenantId, corp, { adminMobile: String((mobile += 1)) });
        await startWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
          workflowId: `customers-sync/${tenantId}/faults`,
          taskQueue: app.config.temporalTaskQueue,
          args: [{ tenantId, trigger: 'manual' }],
        });
        return { tenantId, customers };
      },
      async done({ tenantId }) {
        const run = await SyncRunModel.findOne({ tenantId, kind: 'customers' }).lean();
        return run?.status === 'completed';
      },
      async tally({ tenantId, customers }) {
        const { es, indexPrefix } = app.listSearch;
        const alias = customerIndexNames(indexPrefix).alias;
        await es.indices.refresh({ index: alias });
        const [stored, added, indexed] = await Promise.all([
          CustomerModel.find({ tenantId }, { externalUserid: 1 }).lean(),
          CustomerEventModel.find({ tenantId, kind: 'added' }, { externalUserid: 1 }).lean(),
          es.search<{ externalUserid: string }>({
            index: alias,
            query: { term: { tenantId } },
            size: 2 * CUSTOMERS,
            _source: ['externalUserid'],
          }),
        ]);
        return [
          {
            what: 'customers in MongoDB',
            expected: customers,
            observed: stored.map((c) => c.externalUserid),
          },
          { what: 'added events', expected: customers, observed: added.map((e) => e.externalUserid) },
          {
            what: 'customer documents',
            expected: customers,
            observed: indexed.hits.hits.map((hit) => hit._source!.externalUserid),
          },
        ];
      },
    },
  );
});
