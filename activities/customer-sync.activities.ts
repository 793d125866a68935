import type { CustomerIndexer } from '../lib/search/customer-indexer';
import { heartbeat } from '@temporalio/activity';
import type { AnyBulkWriteOperation } from 'mongoose';
import {
  PENDING_ID,
  removeTagsFromCustomers,
  storeTagGroups,
  tagGroupVersions,
  tagIdsOfGroups,
} from '../lib/customers/corp-tag-records';
import {
  addedEventId,
  contactFields,
  endUnseenFollows,
  followFromBatchInfo,
  mergeSeenFollows,
  type FollowRecord,
} from '../lib/customers/customer-relations';
import {
  recordCustomerEvents,
  rewriteCustomers,
  type CustomerEventRow,
} from '../lib/customers/customer-writes';
import { pendingTagOverlay } from '../lib/customers/pending-tag-changes';
import { hasPendingCorpTagWrites } from '../lib/tags/wake-corp-tag-writer';
import { groupChatUpsert } from '../lib/customers/group-records';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { CustomerModel } from '../lib/models/customer.model';
import { finishSyncRun } from './sync-runs.activities';
import { SyncRunModel, type SyncKind } from '../lib/models/sync-run.model';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi, WeComExternalContact } from '../lib/wecom/customers-api';
import { WeComApiError } from '../lib/wecom/errors';
import type { CredentialsLoader } from './tenant-credentials';
import { heartbeatOrStop } from './cancellation-checkpoint';
import { withWeComFailures } from './wecom-failure';
import { bulkWriteInSlices } from '../lib/db/bulk-write-in-slices';
import { customerGroupReadModel } from '../lib/search/customer-group-index';
import { writeListRows, type ListSearch } from '../lib/search/list-read-model';

export interface CustomerSyncDeps {
  customers: CustomersApi;
  corpTags: CorpTagsApi;
  credentials: CredentialsLoader;
  /** Every customer write goes through it, so the search index follows (lib/search/customer-indexer.ts). */
  customerIndexer: CustomerIndexer;
  /** Hands 标签管理's pending writes to WeCom's writer (lib/tags/wake-corp-tag-writer.ts). */
  wakeCorpTagWriter?: (tenantId: string) => Promise<void>;
  /** The 客户群 read model, written with the groups. */
  listSearch: ListSearch;
  now?: () => Date;
}

/** groupchat/list without owner_filter when the app sees more than 1,000 members (API.md §8.1). */
const OWNER_FILTER_REQUIRED = 81017;
/** Customers read from the cursor at a time, and ended in one write, when ending unseen relations. */
const SWEEP_BATCH = 200;

/**
 * The steps of the customer, customer-group and corp-tag syncs. Each is idempotent (upserts keyed by WeCom
 * ids, events keyed by their identity) and small enough to retry: one WeCom page, or a few dozen groups.
 */
export function createCustomerSyncActivities(deps: CustomerSyncDeps) {
  const now = deps.now ?? (() => new Date());

  return {
    /** Records the run (once, even when retried or continued as new) and returns when it started. */
    async beginSync(input: {
      tenantId: string;
      syncId: string;
      kind: SyncKind;
      trigger: string;
    }): Promise<{ startedAt: string }> {
      const run = await SyncRunModel.findOneAndUpdate(
        { tenantId: input.tenantId, _id: input.syncId },
        {
          $setOnInsert: {
            kind: input.kind,
            trigger: input.trigger,
            workflowId: input.syncId,
            status: 'running',
            startedAt: now(),
          },
        },
        { upsert: true, new: true },
      ).lean();
      return { startedAt: run.startedAt.toISOString() };
    },

    async finishSync(input: {
      tenantId: string;
      syncId: string;
      status: 'completed' | 'failed';
      count: number;
      error?: string;
    }): Promise<void> {
      await finishSyncRun(input, now());
    },

    async listFollowUsers(input: { tenantId: string }): Promise<{ userids: string[] }> {
      const credentials = await deps.credentials(input.tenantId);
      return { userids: await withWeComFailures(() => deps.customers.listFollowUsers(credentials)) };
    },

    /**
     * One batch/get_by_user page (≤100 relations) merged into the customers: the relations it shows are
     * active and seen now; relations new to us are recorded as `added` (via sync) before the customers are
     * written, so a retry after a crash in between finds the same events and adds nothing.
     */
    async syncCustomerPage(input: { tenantId: string; userids: string[]; cursor: string }): Promise<{
      nextCursor: string;
      relations: number;
    }> {
      const credentials = await deps.credentials(input.tenantId);
      const readAt = now();
      const page = await withWeComFailures(() =>
        deps.customers.customersOfMembers(credentials, input.userids, input.cursor),
      );
      const withPendingTags = await pendingTagOverlay(input.tenantId, readAt);
      heartbeatOrStop(input.cursor);
      const seenAt = now();
      const contacts = new Map<string, WeComExternalContact>();
      const seen = new Map<string, FollowRecord[]>();
      for (const item of page.items) {
        const id = item.external_contact.external_userid;
        contacts.set(id, item.external_contact);
        seen.set(id, [...(seen.get(id) ?? []), withPendingTags(id, followFromBatchInfo(item.follow_info))]);
      }
      const events = new Map<string, CustomerEventRow>();
      await rewriteCustomers(
        input.tenantId,
        [...seen.keys()],
        (current, externalUserid) => {
          const merge = mergeSeenFollows(current?.follows ?? [], seen.get(externalUserid)!, seenAt);
          for (const follow of merge.added) {
            const event = addedEvent(externalUserid, follow, 'sync');
            events.set(event._id, event);
          }
          return {
            fields: { ...contactFields(contacts.get(externalUserid)!), lastSeenAt: seenAt },
            follows: merge.follows,
          };
        },
        {
          indexer: deps.customerIndexer,
          // Events first: a retry after a crash in between finds the relations new again and the events recorded.
          beforeWrite: async () => {
            heartbeatOrStop(input.cursor);
            await recordCustomerEvents(input.tenantId, [...events.values()]);
            heartbeatOrStop(input.cursor);
          },
        },
      );
      return { nextCursor: page.nextCursor, relations: page.items.length };
    },

    /**
     * After every page of a full sync: active relations no page (nor callback) showed since the sync began
     * have ended in WeCom. One pass over the tenant's active customers through a cursor: on FerretDB a query
     * per batch (sorted by _id, from the last one) would read and sort every active customer each time.
     * Idempotent, so a retried attempt starts the pass again.
     */
    async endUnseenRelations(input: { tenantId: string; seenSince: string }): Promise<{ ended: number }> {
      const seenSince = new Date(input.seenSince);
      const endedAt = now();
      const cursor = CustomerModel.find(
        { tenantId: input.tenantId, active: true },
        { externalUserid: 1, follows: 1 },
      )
        .lean()
        .cursor({ batchSize: SWEEP_BATCH });
      let ended = 0;
      let batch: string[] = [];
      const endBatch = async () => {
        ended += await rewriteCustomers(
          input.tenantId,
          batch,
          (current) => {
            const follows = current && endUnseenFollows(current.follows, seenSince, endedAt);
            return follows ? { follows } : null;
          },
          { indexer: deps.customerIndexer },
        );
        batch = [];
      };
      let read = 0;
      for await (const customer of cursor) {
        read += 1;
        if (read % SWEEP_BATCH === 0) heartbeatOrStop(read);
        if (endUnseenFollows(customer.follows as FollowRecord[], seenSince, endedAt)) {
          batch.push(customer.externalUserid);
          if (batch.length === SWEEP_BATCH) await endBatch();
        }
      }
      if (batch.length > 0) await endBatch();
      return { ended };
    },

    async countSyncedCustomers(input: { tenantId: string }): Promise<{ customers: number }> {
      return { customers: await CustomerModel.countDocuments({ tenantId: input.tenantId, active: true }) };
    },

    /** Every corp tag group as WeCom has it now; groups and tags gone from WeCom leave us and the customers. */
    async syncCorpTags(input: { tenantId: string }): Promise<{ groups: number; tags: number }> {
      const credentials = await deps.credentials(input.tenantId);
      const versions = await tagGroupVersions(input.tenantId);
      // Changes saved here that WeCom has not been given (Temporal was down when they were saved, or one is being
      // saved now): hand them over, and keep ours until WeCom has them; storing WeCom's older names would undo
      // them. Asked before WeCom is read: when there are none, what WeCom answers has every change saved so far.
      const pending = await hasPendingCorpTagWrites(input.tenantId);
      const groups = await withWeComFailures(() => deps.corpTags.list(credentials));
      if (pending) {
        await deps.wakeCorpTagWriter?.(input.tenantId);
        return { groups: groups.length, tags: groups.reduce((sum, group) => sum + group.tag.length, 0) };
      }
      const seenAt = now();
      await storeTagGroups(input.tenantId, groups, seenAt, deps.customerIndexer, versions);
      const listedGroupIds = new Set(groups.filter((group) => !group.deleted).map((group) => group.group_id));
      const listedTagIds = new Set(groups.flatMap((group) => group.tag.map((tag) => tag.id)));
      const storedTagIds = await tagIdsOfGroups(input.tenantId, {});
      // Groups 标签管理 made that WeCom has not named yet are not "gone from WeCom".
      const unseen = await CorpTagGroupModel.find(
        { tenantId: input.tenantId, lastSeenAt: { $lt: seenAt } },
        { groupId: 1 },
      ).lean();
      // A group WeCom listed but storeTagGroups left alone (changed here meanwhile) is not gone either.
      const gone = unseen
        .filter((group) => !PENDING_ID.test(group.groupId) && !listedGroupIds.has(group.groupId))
        .map((group) => group._id);
      if (gone.length > 0)
        await CorpTagGroupModel.deleteMany({ tenantId: input.tenantId, _id: { $in: gone } });
      await removeTagsFromCustomers(
        input.tenantId,
        storedTagIds.filter((id) => !listedTagIds.has(id) && !PENDING_ID.test(id)),
        deps.customerIndexer,
      );
      return { groups: groups.length, tags: listedTagIds.size };
    },

    /** One groupchat/list page; `ownerFilterRequired` when WeCom wants owners named (81017). */
    async listGroupChatPage(input: { tenantId: string; cursor: string; ownerUserids?: string[] }): Promise<{
      chatIds: string[];
      nextCursor: string;
      ownerFilterRequired: boolean;
    }> {
      const credentials = await deps.credentials(input.tenantId);
      try {
        const page = await withWeComFailures(async () => {
          try {
            return await deps.customers.listGroupChats(credentials, input);
          } catch (error) {
            if (error instanceof WeComApiError && error.errcode === OWNER_FILTER_REQUIRED) return null;
            throw error;
          }
        });
        if (!page) return { chatIds: [], nextCursor: '', ownerFilterRequired: true };
        return {
          chatIds: page.chats.map((chat) => chat.chat_id),
          nextCursor: page.nextCursor,
          ownerFilterRequired: false,
        };
      } finally {
        heartbeat(input.cursor);
      }
    },

    /** groupchat/get for a few groups, stored as they are now (groups WeCom no longer knows are skipped). */
    async syncGroupChats(input: { tenantId: string; chatIds: string[] }): Promise<{ groups: number }> {
      const credentials = await deps.credentials(input.tenantId);
      const seenAt = now();
      const operations: AnyBulkWriteOperation[] = [];
      for (const chatId of input.chatIds) {
        const chat = await withWeComFailures(() => deps.customers.getGroupChat(credentials, chatId));
        heartbeatOrStop(chatId);
        operations.push({
          updateOne: {
            filter: { tenantId: input.tenantId, chatId },
            update: groupChatUpsert(chat, seenAt),
            upsert: true,
          },
        });
      }
      await writeListRows(
        deps.listSearch,
        customerGroupReadModel,
        input.tenantId,
        input.chatIds,
        async () => {
          if (operations.length > 0)
            await bulkWriteInSlices(CustomerGroupModel, operations as never, { ordered: false });
        },
      );
      return { groups: operations.length };
    },

    /** Groups no longer listed since the sync began were dismissed; returns how many groups WeCom has. */
    async markUnlistedGroupsDismissed(input: {
      tenantId: string;
      seenSince: string;
    }): Promise<{ groups: number }> {
      const cutoff = new Date(input.seenSince);
      const unlisted = {
        tenantId: input.tenantId,
        dismissedAt: { $exists: false },
        lastSeenAt: { $lt: cutoff },
      };
      const dismissed = await CustomerGroupModel.find(unlisted, { chatId: 1 }).lean();
      await writeListRows(
        deps.listSearch,
        customerGroupReadModel,
        input.tenantId,
        dismissed.map((group) => group.chatId),
        () => CustomerGroupModel.updateMany(unlisted, { $set: { dismissedAt: now() } }),
      );
      return {
        groups: await CustomerGroupModel.countDocuments({
          tenantId: input.tenantId,
          lastSeenAt: { $gte: cutoff },
        }),
      };
    },
  };
}

/** An `added` event for a relation, keyed by the relation itself (see addedEventId). */
export function addedEvent(
  externalUserid: string,
  follow: Pick<FollowRecord, 'userid' | 'addedAt' | 'state' | 'addWay'>,
  via: 'sync' | 'callback',
): CustomerEventRow {
  return {
    _id: addedEventId(externalUserid, follow.userid, follow.addedAt),
    externalUserid,
    userid: follow.userid,
    kind: 'added',
    at: follow.addedAt,
    state: follow.state || undefined,
    addWay: follow.addWay,
    via,
  };
}

export type CustomerSyncActivities = ReturnType<typeof createCustomerSyncActivities>;
