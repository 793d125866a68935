import type { HandoverKind } from '../contracts/handover.contract';
import { findMatchingAny } from '../db/find-matching-any';
import { insertManyOnce } from '../db/insert-many-once';
import { HandoverCustomerModel } from '../models/handover-customer.model';
import { HandoverModel, type Handover } from '../models/handover.model';

/** A handover as stored (lean). */
export type StoredHandover = Handover & { _id: string; createdAt?: Date; updatedAt?: Date };
/** One customer's entry in a handover, with the handover it belongs to. */
export interface CustomerInHandover {
  handover: StoredHandover;
  customer: StoredHandover['customers'][number];
}

/**
 * Indexes a handover's customers by customer (lib/models/handover-customer.model.ts), before its transfer calls;
 * once per pair, so a retried start writes nothing twice.
 */
export async function recordHandoverCustomers(
  tenantId: string,
  handover: { handoverId: string; kind: HandoverKind; externalUserids: readonly string[] },
): Promise<void> {
  await insertManyOnce(
    HandoverCustomerModel,
    handover.externalUserids.map((externalUserid) => ({
      _id: `${handover.handoverId}:${externalUserid}`,
      tenantId,
      externalUserid,
      handoverId: handover.handoverId,
      kind: handover.kind,
    })),
  );
}

/**
 * Every handover each customer was in, with the customer's entry there, read by key: the rows by customer,
 * then the handovers by id. A row whose handover is gone (never started) is skipped.
 */
export async function handoversOfCustomers(
  tenantId: string,
  externalUserids: readonly string[],
): Promise<Map<string, CustomerInHandover[]>> {
  const rows = await findMatchingAny<{ externalUserid: string; handoverId: string }>(
    HandoverCustomerModel,
    [...new Set(externalUserids)].map((externalUserid) => ({ tenantId, externalUserid })),
    { externalUserid: 1, handoverId: 1 },
  );
  const handovers = await findMatchingAny<StoredHandover>(
    HandoverModel,
    [...new Set(rows.map((row) => row.handoverId))].map((_id) => ({ tenantId, _id })),
  );
  const byId = new Map(handovers.map((handover) => [handover._id, handover]));
  const found = new Map<string, CustomerInHandover[]>();
  for (const row of rows) {
    const handover = byId.get(row.handoverId);
    const customer = handover?.customers.find((entry) => entry.externalUserid === row.externalUserid);
    if (!handover || !customer) continue;
    found.set(row.externalUserid, [...(found.get(row.externalUserid) ?? []), { handover, customer }]);
  }
  return found;
}
