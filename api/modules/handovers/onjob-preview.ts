import type {
  HandoverInput,
  OnjobPreview,
  OnjobPreviewInput,
} from '../../../lib/contracts/handover.contract';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { handoversOfCustomers } from '../../../lib/handovers/customer-handovers';
import {
  ineligibleMessage,
  ONJOB_INELIGIBLE_TEXTS,
  onjobIneligibility,
} from '../../../lib/handovers/onjob-eligibility';
import { CustomerModel } from '../../../lib/models/customer.model';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';

/**
 * 在职继承 before 确定 (issue 19 item 2): each chosen customer checked (lib/handovers/onjob-eligibility.ts)
 * against the customer list's followers and the customer's earlier handovers; the ones WeCom would transfer,
 * and the others with why.
 */
export async function previewOnjobHandover(caller: Caller, input: OnjobPreviewInput): Promise<OnjobPreview> {
  const ids = [...new Set(input.externalUserids)];
  const customers = await findMatchingAny<{ externalUserid: string; name: string; adderUserids: string[] }>(
    CustomerModel,
    ids.map((externalUserid) => ({ tenantId: caller.tenantId, externalUserid })),
    { externalUserid: 1, name: 1, adderUserids: 1 },
  );
  const byId = new Map(customers.map((customer) => [customer.externalUserid, customer]));
  const earlier = await handoversOfCustomers(caller.tenantId, ids);
  const now = new Date();
  const preview: OnjobPreview = { eligible: [], ineligible: [] };
  for (const externalUserid of ids) {
    const customer = byId.get(externalUserid);
    const reason = onjobIneligibility({
      followers: customer?.adderUserids ?? null,
      handoverUserid: input.handoverUserid,
      takeoverUserid: input.takeoverUserid,
      past: (earlier.get(externalUserid) ?? []).map(({ handover, customer: entry }) => ({
        kind: handover.kind,
        status: entry.status ?? null,
        startedAt: handover.createdAt ?? now,
      })),
      now,
    });
    if (!reason) preview.eligible.push(externalUserid);
    else
      preview.ineligible.push({
        externalUserid,
        customerName: customer?.name ?? '',
        reason,
        reasonText: ONJOB_INELIGIBLE_TEXTS[reason],
      });
  }
  return preview;
}

/** 分配 of an 在职继承 starts only eligible customers: any other is a 400 saying how many and why. */
export async function refuseIneligibleOnjob(caller: Caller, input: HandoverInput): Promise<void> {
  if (input.externalUserids.length === 0) return;
  const { ineligible } = await previewOnjobHandover(caller, input);
  if (ineligible.length > 0)
    throw badRequest(
      ineligibleMessage(ineligible.map((customer) => customer.reason)),
      'HANDOVER_NOT_ELIGIBLE',
    );
}
