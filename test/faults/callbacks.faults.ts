import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { customerIndexNames } from '../../lib/search/customer-index';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { connectCustomersCallback, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('faults-cb');
/** Customers added in each run, one every ADD_EVERY_MS, so the callbacks keep coming while the fault lasts. */
const ADDS = 12;
const ADD_EVERY_MS = 400;
const GET_PATH = '/externalcontact/get';
/** Reading a customer back from WeCom (what applying an event does) takes this long. */
const SLOW_GET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 客户联系 callbacks (add_external_contact → the inbox → the tenant's customer-events workflow → MongoDB and the
 * customer index) through every fault: WeCom delivers to the rig's api process, which stays up except when it is
 * the one killed, while the worker that applies the events meets the other faults. The fault-free end state:
 * every added customer whose callback the api answered `success` once in MongoDB, one `added` event each, one
 * search document each. A callback WeCom gave up on while the api was down (its three tries refused) is WeCom's
 * loss, made good by the next customer sync, and is counted neither way: the api may have stored it before dying.
 */
describe('callbacks × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let corp: SimCorp;

  beforeAll(async () => {
    app = await startTestApp('faults-callbacks');
    rig = await startFaultRig(app, 'callbacks', { withApi: true });
    corp = await simulator.createCorp('回调故障企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000951' });
    expect((await connectCustomersCallback(TENANT, corp, rig.api!.url)).verified).toBe(true);
    await simulator.addUser(corp.corpId, {
      userid: 'seller',
      name: '销售',
      mobile: '13810000019',
      department: [1],
    });
    await rig.worker.start();
    await rig.setBaseLatency(GET_PATH, SLOW_GET_MS);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  faultCells(
    'callbacks',
    () => rig,
    [
      'worker-kill',
      'api-kill',
      'db-cut',
      'es-cut',
      'temporal-cut',
      'wecom-down',
      'wecom-5xx',
      'wecom-busy',
      'wecom-slow',
    ],
    {
      windowMs: ADDS * ADD_EVERY_MS,
      recoverWithinMs: 180_000,
      async start(label) {
        const customers: string[] = [];
        const apiKilled = label.startsWith('api-kill');
        // The adds go on in the background, through the fault: WeCom delivers each to the api at once.
        const adding = (async () => {
          for (let i = 0; i < ADDS; i += 1) {
            const { customer, delivery } = await customerScenario.addCustomer(corp.corpId, {
              userid: 'seller',
              name: `回调${label}-${i}`,
            });
            // WeCom gave up on it while the api was down: not answered, so not ours to have kept.
            if (delivery?.status === 'failed' && apiKilled) continue;
            if (delivery?.status !== 'delivered')
              throw new Error(`callback ${i} not delivered: ${delivery?.status}`);
            customers.push(customer.external_userid);
            await sleep(ADD_EVERY_MS);
          }
        })();
        const run = { customers, adding, allAdded: false };
        adding.then(() => (run.allAdded = true)).catch(() => undefined);
        return run;
      },
      async done({ customers, allAdded }) {
        if (!allAdded) return false;
        const stored = await CustomerModel.countDocuments({
          tenantId: TENANT,
          externalUserid: { $in: customers },
        });
        return stored === customers.length;
      },
      async tally({ customers, adding }) {
        await adding;
        const { es, indexPrefix } = app.listSearch;
        const alias = customerIndexNames(indexPrefix).alias;
        await es.indices.refresh({ index: alias });
        const [stored, added, indexed] = await Promise.all([
          CustomerModel.find(
            { tenantId: TENANT, externalUserid: { $in: customers } },
            { externalUserid: 1 },
          ).lean(),
          CustomerEventModel.find(
            { tenantId: TENANT, kind: 'added', externalUserid: { $in: customers } },
            { externalUserid: 1 },
          ).lean(),
          es.search<{ externalUserid: string }>({
            index: alias,
            query: {
              bool: { filter: [{ term: { tenantId: TENANT } }, { terms: { externalUserid: customers } }] },
            },
            size: 4 * ADDS,
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
