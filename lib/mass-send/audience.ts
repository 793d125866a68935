import type { StaffScope } from '../access/data-scope';
import type { AudiencePreview, MassSendAudience } from '../contracts/mass-send.contract';
import { staffNamesByUserid } from '../org/staff-names';
import { customerGroupReadModel } from '../search/customer-group-index';
import { customerReadModel } from '../search/customer-index';
import { CUSTOMER_SEARCH_SORT } from '../search/customer-search-query';
import { countListRows, scanListRows, type ListSearch } from '../search/list-read-model';
import { chooseSender, customerAudienceQuery, groupAudienceQuery } from './audience-query';

/** One recipient as resolved: who receives it (customer or group), named, and which member sends it. */
export interface ResolvedRecipient {
  recipientId: string;
  recipientName: string;
  senderUserid: string;
}

interface CustomerHit {
  externalUserid: string;
  adderUserids: string[];
  ownerUserid: string | null;
  row: { name: string };
}

interface GroupHit {
  chatId: string;
  ownerUserid: string;
  row: { name: string };
}

const GROUP_ORDER = [{ chatId: { order: 'asc' as const } }];

/** How many the audience reaches now (R-3.3.2-05: 查看发送客户列表; I-64: the group count). */
export function countAudience(
  search: ListSearch,
  tenantId: string,
  audience: MassSendAudience,
  scope: StaffScope,
): Promise<number> {
  return audience.kind === 'customers'
    ? countListRows(search, customerReadModel, customerAudienceQuery(tenantId, audience.customers, scope))
    : countListRows(search, customerGroupReadModel, groupAudienceQuery(tenantId, audience.groups, scope));
}

/**
 * Every recipient of the audience as it is now, `batchSize` at a time, each once with their sender (I-65):
 * at send time, and (one page of it) for the preview. Reads the search indexes alone, so it stays fast at a
 * million customers.
 */
export async function* resolveAudience(
  search: ListSearch,
  tenantId: string,
  audience: MassSendAudience,
  scope: StaffScope,
  batchSize: number,
): AsyncGenerator<ResolvedRecipient[]> {
  if (audience.kind === 'groups') {
    const batches = scanListRows<unknown, GroupHit>(search, customerGroupReadModel, {
      query: groupAudienceQuery(tenantId, audience.groups, scope),
      sort: GROUP_ORDER,
      size: batchSize,
      source: ['chatId', 'ownerUserid', 'row.name'],
    });
    for await (const groups of batches) {
      yield groups.map((group) => ({
        recipientId: group.chatId,
        recipientName: group.row.name,
        senderUserid: group.ownerUserid,
      }));
    }
    return;
  }
  const chosen = audience.customers.mode === 'filter' ? audience.customers.adderUserids : [];
  const batches = scanListRows<unknown, CustomerHit>(search, customerReadModel, {
    query: customerAudienceQuery(tenantId, audience.customers, scope),
    sort: CUSTOMER_SEARCH_SORT,
    size: batchSize,
    source: ['externalUserid', 'adderUserids', 'ownerUserid', 'row.name'],
  });
  for await (const customers of batches) {
    yield customers.flatMap((customer) => {
      const sender = chooseSender(customer, chosen, scope);
      return sender
        ? [{ recipientId: customer.externalUserid, recipientName: customer.row.name, senderUserid: sender }]
        : [];
    });
  }
}

/** The live count and the first page of exactly who will receive it, with who sends to each. */
export async function previewAudience(
  search: ListSearch,
  tenantId: string,
  audience: MassSendAudience,
  scope: StaffScope,
  window: { page: number; pageSize: number },
): Promise<AudiencePreview> {
  const total = await countAudience(search, tenantId, audience, scope);
  // The preview's window is within the first PREVIEW_MAX (the contract's limit): one read covers it.
  const skip = (window.page - 1) * window.pageSize;
  let page: ResolvedRecipient[] = [];
  for await (const first of resolveAudience(search, tenantId, audience, scope, skip + window.pageSize)) {
    page = first.slice(skip, skip + window.pageSize);
    break;
  }
  const names = await staffNamesByUserid(
    tenantId,
    page.map((recipient) => recipient.senderUserid),
  );
  return {
    total,
    items: page.map((recipient) => ({
      id: recipient.recipientId,
      name: recipient.recipientName,
      sender: { userid: recipient.senderUserid, name: names.get(recipient.senderUserid) ?? '' },
    })),
    page: window.page,
    pageSize: window.pageSize,
  };
}
