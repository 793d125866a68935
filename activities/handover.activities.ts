import { heartbeat } from '@temporalio/activity';
import { FINAL_CUSTOMER_STATUSES, type HandoverCustomerStatus } from '../lib/contracts/handover.contract';
import { contactFields, followFromFollowUser, replaceFollows } from '../lib/customers/customer-relations';
import { rewriteCustomers } from '../lib/customers/customer-writes';
import { groupChatUpsert } from '../lib/customers/group-records';
import { recordHandoverCustomers } from '../lib/handovers/customer-handovers';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { HandoverModel, type Handover } from '../lib/models/handover.model';
import type { CustomerIndexer } from '../lib/search/customer-indexer';
import { customerGroupReadModel } from '../lib/search/customer-group-index';
import { writeListRows, type ListSearch } from '../lib/search/list-read-model';
import type { CustomersApi } from '../lib/wecom/customers-api';
import {
  splitIntoBatches,
  type TransferApi,
  type TransferResultRow,
  type WeComTransferStatus,
} from '../lib/wecom/transfer-api';
import type { CredentialsLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface HandoverDeps {
  transfers: TransferApi;
  customers: CustomersApi;
  credentials: CredentialsLoader;
  /** Every customer write goes through it, so the customer list (and its data permission) follows. */
  customerIndexer: CustomerIndexer;
  /** The 客户群 read model, written with the groups. */
  listSearch: ListSearch;
  now?: () => Date;
}

interface HandoverRef {
  tenantId: string;
  handoverId: string;
}

/** WeCom's 40129: the customer is already being transferred (also what a resent batch gets). */
const ALREADY_MOVING = 40129;

const STATUS_OF: Record<WeComTransferStatus, HandoverCustomerStatus> = {
  1: 'done',
  2: 'waiting',
  3: 'refused',
  4: 'limit',
  // No transfer record between the two members: nothing will happen.
  5: 'rejected',
};

/** A customer of the handover as the activities read and write it (lean, plain values). */
interface StoredCustomer {
  externalUserid: string;
  status?: HandoverCustomerStatus | null;
  errcode?: number | null;
  takeoverAt?: Date | null;
  appliedAt?: Date | null;
}

export function createHandoverActivities(deps: HandoverDeps) {
  const now = deps.now ?? (() => new Date());

  async function load(ref: HandoverRef) {
    const handover = await HandoverModel.findOne({ tenantId: ref.tenantId, _id: ref.handoverId }).lean();
    if (!handover) throw new Error(`handover ${ref.handoverId} not found`);
    return handover;
  }

  async function saveCustomers(ref: HandoverRef, customers: StoredCustomer[]) {
    await HandoverModel.updateOne({ tenantId: ref.tenantId, _id: ref.handoverId }, { $set: { customers } });
  }

  /** The customer as WeCom has it now, stored with the handover member's relation ended by the transfer. */
  async function applyTakeover(handover: Handover, externalUserid: string, at: Date) {
    const credentials = await deps.credentials(handover.tenantId);
    const truth = await withWeComFailures(() => deps.customers.getCustomer(credentials, externalUserid));
    const follows = truth.follow_user.map(followFromFollowUser);
    const seenAt = now();
    await rewriteCustomers(
      handover.tenantId,
      [externalUserid],
      (current) => ({
        follows: replaceFollows(current?.follows ?? [], follows, seenAt, {
          userid: handover.handoverUserid,
          by: 'transfer',
          at,
        }).follows,
        fields: { ...contactFields(truth.external_contact) },
      }),
      { indexer: deps.customerIndexer },
    );
  }

  async function storeGroup(tenantId: string, chatId: string) {
    const credentials = await deps.credentials(tenantId);
    const chat = await withWeComFailures(() => deps.customers.getGroupChat(credentials, chatId));
    await writeListRows(deps.listSearch, customerGroupReadModel, tenantId, [chatId], () =>
      CustomerGroupModel.updateOne({ tenantId, chatId }, groupChatUpsert(chat, now()), { upsert: true }),
    );
  }

  return {
    /**
     * The transfer calls: customers not sent yet in batches of 100 (each batch's answers stored before the
     * next), then the groups. A retry only sends what has no answer yet.
     */
    async startHandoverTransfers(ref: HandoverRef): Promise<void> {
      const handover = await load(ref);
      // Findable by customer before WeCom hears of it: 在职继承's check and transfer_fail events look it up.
      await recordHandoverCustomers(ref.tenantId, {
        handoverId: ref.handoverId,
        kind: handover.kind,
        externalUserids: handover.customers.map((customer) => customer.externalUserid),
      });
      const credentials = await deps.credentials(ref.tenantId);
      const customers: StoredCustomer[] = handover.customers.map((customer) => ({ ...customer }));
      const unsent = customers.filter((customer) => customer.status === null);
      for (const batch of splitIntoBatches(unsent.map((customer) => customer.externalUserid))) {
        heartbeat();
        const answers = await withWeComFailures(() =>
          deps.transfers.transferCustomers(credentials, {
            kind: handover.kind,
            handoverUserid: handover.handoverUserid,
            takeoverUserid: handover.takeoverUserid,
            externalUserids: batch,
            successMsg: handover.successMsg ?? undefined,
          }),
        );
        const byId = new Map(answers.map((answer) => [answer.external_userid, answer.errcode]));
        for (const customer of customers) {
          if (!batch.includes(customer.externalUserid)) continue;
          const errcode = byId.get(customer.externalUserid) ?? 0;
          customer.status = errcode === 0 ? 'waiting' : 'rejected';
          customer.errcode = errcode === 0 ? null : errcode;
        }
        await saveCustomers(ref, customers);
      }

      const groups = handover.groups.map((group) => ({ ...group }));
      const unsentGroups = groups.filter((group) => group.status === null).map((group) => group.chatId);
      for (const batch of splitIntoBatches(unsentGroups)) {
        heartbeat();
        const failed = await withWeComFailures(() =>
          deps.transfers.transferGroups(credentials, {
            kind: handover.kind,
            chatIds: batch,
            newOwner: handover.takeoverUserid,
          }),
        );
        const failures = new Map(failed.map((failure) => [failure.chat_id, failure.errcode]));
        for (const group of groups) {
          if (!batch.includes(group.chatId)) continue;
          group.status = failures.has(group.chatId) ? 'rejected' : 'done';
          group.errcode = failures.get(group.chatId) ?? null;
        }
        await HandoverModel.updateOne({ tenantId: ref.tenantId, _id: ref.handoverId }, { $set: { groups } });
        // WeCom hands groups over at once: the group list shows the new owner now.
        for (const chatId of batch.filter((id) => !failures.has(id))) await storeGroup(ref.tenantId, chatId);
      }
    },

    /**
     * Reads WeCom's results for the customers still open, writes each newly done customer's new owner, and
     * marks the handover finished when nobody is waiting. Returns how many are still waiting.
     */
    async pollHandoverResults(ref: HandoverRef): Promise<{ pending: number }> {
      const handover = await load(ref);
      const customers: StoredCustomer[] = handover.customers.map((customer) => ({ ...customer }));
      // A batch resent after a lost answer is refused with 40129 for customers it did start: the results
      // settle those too.
      const open = customers.filter(
        (c) =>
          !FINAL_CUSTOMER_STATUSES.has(c.status as HandoverCustomerStatus) ||
          (c.status === 'rejected' && c.errcode === ALREADY_MOVING) ||
          (c.status === 'done' && !c.appliedAt),
      );
      if (open.length > 0) {
        const results = await readResults(handover);
        for (const customer of open) {
          const row = results.get(customer.externalUserid);
          if (!row) continue;
          customer.status = STATUS_OF[row.status];
          customer.errcode = null;
          customer.takeoverAt = new Date(row.takeover_time * 1000);
          if (customer.status === 'done' && !customer.appliedAt) {
            heartbeat();
            await applyTakeover(handover, customer.externalUserid, customer.takeoverAt);
            customer.appliedAt = now();
          }
        }
        await saveCustomers(ref, customers);
      }
      const pending = customers.filter((c) => c.status === 'waiting' || c.status === null).length;
      if (pending === 0 && !handover.finishedAt) {
        await HandoverModel.updateOne(
          { tenantId: ref.tenantId, _id: ref.handoverId },
          { $set: { finishedAt: now() } },
        );
      }
      return { pending };
    },
  };

  async function readResults(handover: Handover): Promise<Map<string, TransferResultRow>> {
    const credentials = await deps.credentials(handover.tenantId);
    const rows = new Map<string, TransferResultRow>();
    let cursor = '';
    do {
      heartbeat();
      const page = await withWeComFailures(() =>
        deps.transfers.transferResultPage(credentials, {
          kind: handover.kind,
          handoverUserid: handover.handoverUserid,
          takeoverUserid: handover.takeoverUserid,
          cursor,
        }),
      );
      for (const row of page.rows) rows.set(row.external_userid, row);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }
}

export type HandoverActivities = ReturnType<typeof createHandoverActivities>;
