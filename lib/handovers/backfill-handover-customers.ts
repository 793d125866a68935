import type { Logger } from '../logger';
import { StartupMigrationModel } from '../models/startup-migration.model';
import { HandoverModel } from '../models/handover.model';
import { TenantModel } from '../models/tenant.model';
import { recordHandoverCustomers } from './customer-handovers';

/** The migration's name: a later version of it would be a new name. */
export const HANDOVER_CUSTOMERS_BACKFILL = 'handover-customers/v1';

/**
 * Handovers started before `handover_customers` existed have no rows there, so 在职继承's check (2 transfers
 * per 90 days, one at a time) and `transfer_fail` events could not find them. Once per deployment, every
 * tenant's handovers (read by tenant, the one time they are read whole) get their rows; rows already there stay
 * as they are (keyed `<handoverId>:<externalUserid>`), so running it twice writes nothing twice. Answers how
 * many handovers it read, 0 when it had run before.
 */
export async function backfillHandoverCustomers(): Promise<number> {
  if (await StartupMigrationModel.exists({ _id: HANDOVER_CUSTOMERS_BACKFILL })) return 0;
  let handovers = 0;
  for (const tenant of await TenantModel.find({}, { _id: 1 }).lean()) {
    const tenantId = String(tenant._id);
    const stored = await HandoverModel.find({ tenantId }, { kind: 1, 'customers.externalUserid': 1 }).lean();
    for (const handover of stored) {
      await recordHandoverCustomers(tenantId, {
        handoverId: handover._id,
        kind: handover.kind,
        externalUserids: handover.customers.map((customer) => customer.externalUserid),
      });
    }
    handovers += stored.length;
  }
  await StartupMigrationModel.updateOne(
    { _id: HANDOVER_CUSTOMERS_BACKFILL },
    { $setOnInsert: { doneAt: new Date() } },
    { upsert: true },
  );
  return handovers;
}

/** At worker start, in the background: a failure is logged and the next start tries again. */
export function backfillHandoverCustomersAtStart(log: Logger): void {
  backfillHandoverCustomers().then(
    (handovers) => {
      if (handovers > 0)
        log.info({ handovers }, 'handovers indexed by customer (handover_customers backfill)');
    },
    (error: unknown) =>
      log.warn({ err: error }, 'handover_customers backfill failed; it runs again at the next start'),
  );
}
