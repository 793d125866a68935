import { customerTallies } from '../support/customer-tallies';
import { describeFaultRow } from '../support/fault-row';
import { customerScenario, simulator } from '../support/sim-client';

/** Two pages of batch/get_by_user (100 relations each). */
const CUSTOMERS = 150;
const PAGE_PATH = '/externalcontact/batch/get_by_user';
/** Each page takes this long, so the sync lasts seconds and a fault can land inside it. */
const SLOW_PAGE_MS = 2000;

/**
 * The customer sync (客户联系 → MongoDB and the customer index) through every fault: each run syncs a corp of
 * its own (150 customers of one member), started as the admin starts it (客户列表's 同步 button, through the
 * rig's api process) and followed as the page follows it (its 最近更新 line), so that the api-kill cell kills the
 * api while the sync runs and the admin reads its status. The fault-free end state: every customer once in
 * MongoDB, one `added` event each, one search document each.
 */
describeFaultRow(
  'customer sync',
  { name: 'customer-sync', wecomLatency: { [PAGE_PATH]: SLOW_PAGE_MS } },
  (row) => ({
    windowMs: 2 * SLOW_PAGE_MS + 1000,
    recoverWithinMs: 180_000,
    async start(label) {
      const { tenantId, corp, adminMobile } = await row.boundTenant(
        `faults-cs-${label}`,
        `客户同步故障${label}`,
      );
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
      const operator = await row.operator(adminMobile);
      await operator.post('/api/customers/sync').expect(202);
      return { tenantId, customers, operator };
    },
    async done({ operator }) {
      const { body } = await operator.get('/api/customers/sync').expect(200);
      return body.lastSync?.status === 'completed';
    },
    tally: ({ tenantId, customers }) => customerTallies(row.app, { tenantId, customers, onlyThese: false }),
  }),
);
