import { CustomerModel } from '../../lib/models/customer.model';
import { customerTallies } from '../support/customer-tallies';
import { describeFaultRow } from '../support/fault-row';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { connectCustomersCallback } from '../support/tenant-fixture';

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
let tenantId: string;
let corp: SimCorp;

describeFaultRow(
  'callbacks',
  {
    name: 'callbacks',
    wecomLatency: { [GET_PATH]: SLOW_GET_MS },
    async setup(row) {
      ({ tenantId, corp } = await row.boundTenant('faults-cb', '回调故障企业'));
      expect((await connectCustomersCallback(tenantId, corp, row.rig.api.url)).verified).toBe(true);
      await simulator.addUser(corp.corpId, {
        userid: 'seller',
        name: '销售',
        mobile: '13810000019',
        department: [1],
      });
    },
  },
  (row) => ({
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
      const stored = await CustomerModel.countDocuments({ tenantId, externalUserid: { $in: customers } });
      return stored === customers.length;
    },
    async tally({ customers, adding }) {
      await adding;
      return customerTallies(row.app, { tenantId, customers, onlyThese: true });
    },
  }),
);
