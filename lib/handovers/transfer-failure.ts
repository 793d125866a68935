import type { HandoverCustomerStatus } from '../contracts/handover.contract';
import { HandoverModel } from '../models/handover.model';
import { handoversOfCustomers } from './customer-handovers';

/** transfer_fail's FailReason (API.md §14.2) as the handover's customer status. */
const STATUS_OF_REASON: Record<string, HandoverCustomerStatus> = {
  customer_refused: 'refused',
  customer_limit_exceed: 'limit',
};

/** WeCom's 40129: the customer was already moving (a resent batch); the transfer it meant may be this one. */
const ALREADY_MOVING = 40129;

/** Attempts at the guarded write before giving up to the activity's retry (a poll wrote in between). */
const WRITE_ATTEMPTS = 3;

/**
 * A `transfer_fail` event (UserID the takeover member): every handover of this customer to that member still
 * waiting marks the customer refused or at the limit now, rather than at its next hourly poll. A customer
 * already final is left alone, so a redelivered event changes nothing. Answers the handovers it changed, or
 * none for a reason it does not know (the poll then reads WeCom's answer).
 */
export async function markTransferFailed(
  tenantId: string,
  failure: { externalUserid: string; takeoverUserid: string; failReason: string | undefined; at: Date },
): Promise<string[]> {
  const status = failure.failReason ? STATUS_OF_REASON[failure.failReason] : undefined;
  if (!status) return [];
  const waiting = (customer: { externalUserid: string; status?: string | null; errcode?: number | null }) =>
    customer.externalUserid === failure.externalUserid &&
    (customer.status === 'waiting' ||
      (customer.status === 'rejected' && customer.errcode === ALREADY_MOVING));
  const tracking = (await handoversOfCustomers(tenantId, [failure.externalUserid])).get(
    failure.externalUserid,
  );
  const changed: string[] = [];
  for (const { handover } of tracking ?? []) {
    if (handover.takeoverUserid.toLowerCase() !== failure.takeoverUserid.toLowerCase()) continue;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const current = await HandoverModel.findOne({ tenantId, _id: handover._id }).lean();
      if (!current?.customers.some(waiting)) break;
      const customers = current.customers.map((customer) =>
        waiting(customer) ? { ...customer, status, errcode: null, takeoverAt: failure.at } : customer,
      );
      // Guarded by the version read, so a poll's write in between is not overwritten with older statuses.
      const written = await HandoverModel.updateOne(
        { tenantId, _id: handover._id, updatedAt: current.updatedAt },
        { $set: { customers } },
      );
      if (written.matchedCount > 0) {
        changed.push(handover._id);
        break;
      }
      if (attempt === WRITE_ATTEMPTS - 1) throw new Error(`handover ${handover._id} kept changing`);
    }
  }
  return changed;
}
