import type {
  HandoverInput,
  OnjobPreview,
  OnjobPreviewInput,
} from '../../../lib/contracts/handover.contract';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { handoversOfCustomers } from '../../../lib/handovers/customer-handovers';
import {
  ineligibleGroupsMessage,
  ineligibleMessage,
  ONJOB_GROUP_INELIGIBLE_TEXTS,
  ONJOB_INELIGIBLE_TEXTS,
  onjobGroupIneligibility,
  onjobIneligibility,
} from '../../../lib/handovers/onjob-eligibility';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';

/**
 * 在职继承 before 确定 (issue 19 item 2): each chosen customer checked (lib/handovers/onjob-eligibility.ts)
 * against the customer list's followers and the customer's earlier handovers, each chosen group against the
 * 客户群 list's 群主; the ones WeCom would transfer, and the others with why.
 */
export async function previewOnjobHandover(caller: Caller, input: OnjobPreviewInput): Promise<OnjobPreview> {
  const customers = await previewCustomers(caller, input);
  const groups = await previewGroups(caller, input);
  return { ...customers, ...groups };
}

async function previewCustomers(
  caller: Caller,
  input: OnjobPreviewInput,
): Promise<Pick<OnjobPreview, 'eligible' | 'ineligible'>> {
  const ids = [...new Set(input.externalUserids)];
  const customers = await findMatchingAny<{ externalUserid: string; name: string; adderUserids: string[] }>(
    CustomerModel,
    ids.map((externalUserid) => ({ tenantId: caller.tenantId, externalUserid })),
    { externalUserid: 1, name: 1, adderUserids: 1 },
  );
  const byId = new Map(customers.map((customer) => [customer.externalUserid, customer]));
  const earlier = await handoversOfCustomers(caller.tenantId, ids);
  const now = new Date();
  const preview: Pick<OnjobPreview, 'eligible' | 'ineligible'> = { eligible: [], ineligible: [] };
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

/** The chosen groups against the 客户群 list (by key): the member's own, not dismissed, may go. */
async function previewGroups(
  caller: Caller,
  input: OnjobPreviewInput,
): Promise<Pick<OnjobPreview, 'eligibleGroups' | 'ineligibleGroups'>> {
  const ids = [...new Set(input.chatIds)];
  const stored = await findMatchingAny<{
    chatId: string;
    name: string;
    ownerUserid: string;
    dismissedAt?: Date | null;
  }>(
    CustomerGroupModel,
    ids.map((chatId) => ({ tenantId: caller.tenantId, chatId })),
    { chatId: 1, name: 1, ownerUserid: 1, dismissedAt: 1 },
  );
  const byId = new Map(stored.map((group) => [group.chatId, group]));
  const preview: Pick<OnjobPreview, 'eligibleGroups' | 'ineligibleGroups'> = {
    eligibleGroups: [],
    ineligibleGroups: [],
  };
  for (const chatId of ids) {
    const group = byId.get(chatId);
    const reason = onjobGroupIneligibility({
      group: group ? { ownerUserid: group.ownerUserid, dismissed: Boolean(group.dismissedAt) } : null,
      handoverUserid: input.handoverUserid,
    });
    if (!reason) preview.eligibleGroups.push(chatId);
    else
      preview.ineligibleGroups.push({
        chatId,
        groupName: group?.name ?? '',
        reason,
        reasonText: ONJOB_GROUP_INELIGIBLE_TEXTS[reason],
      });
  }
  return preview;
}

/** 分配 of an 在职继承 starts only eligible customers and groups: any other is a 400 saying how many and why. */
export async function refuseIneligibleOnjob(caller: Caller, input: HandoverInput): Promise<void> {
  const { ineligible, ineligibleGroups } = await previewOnjobHandover(caller, input);
  const messages = [
    ineligibleMessage(ineligible.map((customer) => customer.reason)),
    ineligibleGroupsMessage(ineligibleGroups.map((group) => group.reason)),
  ].filter(Boolean);
  if (messages.length > 0) throw badRequest(messages.join('；'), 'HANDOVER_NOT_ELIGIBLE');
}
