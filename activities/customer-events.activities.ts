import type { CustomerIndexer } from '../lib/search/customer-indexer';
import {
  removeTagsFromCustomers,
  storeTagGroups,
  tagGroupVersions,
  tagIdsOfGroups,
} from '../lib/customers/corp-tag-records';
import {
  contactFields,
  followFromFollowUser,
  replaceFollows,
  type DeletedBy,
} from '../lib/customers/customer-relations';
import {
  recordCustomerEvents,
  rewriteCustomers,
  type CustomerEventRow,
} from '../lib/customers/customer-writes';
import { pendingTagOverlay } from '../lib/customers/pending-tag-changes';
import { groupChatUpsert } from '../lib/customers/group-records';
import { recordDeleteFriendAlerts } from '../lib/sensitive/delete-friend-alerts';
import { recordCustomerLoss, type RecordedLoss } from '../lib/customer-losses/record-customer-loss';
import { markTransferFailed } from '../lib/handovers/transfer-failure';
import { customerGroupReadModel } from '../lib/search/customer-group-index';
import { writeListRows, type ListSearch } from '../lib/search/list-read-model';
import type { RaisedAlert } from '../lib/sensitive/insert-alerts-once';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { hasPendingCorpTagWrites } from '../lib/tags/wake-corp-tag-writer';
import { updateCorpTagGroup } from '../lib/tags/corp-tag-store';
import { CustomerGroupModel } from '../lib/models/customer-group.model';
import { CustomerModel } from '../lib/models/customer.model';
import { parseCallbackXml, type CallbackEnvelope } from '../lib/wecom/callback-event';
import { applyInboxEvent, strandedCallbackEvents } from '../lib/wecom/callback-inbox';
import {
  readCustomerSideChange,
  type CorpTagChange,
  type CustomerContactChange,
  type GroupChatChange,
} from '../lib/wecom/customer-callback-event';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { WeComApiError } from '../lib/wecom/errors';
import { addedEvent } from './customer-sync.activities';
import type { CredentialsLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface CustomerEventDeps {
  customers: CustomersApi;
  corpTags: CorpTagsApi;
  credentials: CredentialsLoader;
  /** Every customer write goes through it, so the search index follows (lib/search/customer-indexer.ts). */
  customerIndexer: CustomerIndexer;
  /** Starts the notice and review workflows of each 删除好友 alert (idempotent by workflow id). */
  startAlertReviews(tenantId: string, alerts: readonly RaisedAlert[]): Promise<void>;
  /** The 客户群 and 敏感行为审核 read models, written with the groups and alerts. */
  listSearch: ListSearch;
  now?: () => Date;
  /** Starts the add event's welcome workflow if the api could not (lib/acquisition/start-new-contact-welcome). */
  onCustomerAdded?: (tenantId: string, inboxKey: string, envelope: CallbackEnvelope) => Promise<void>;
  /** 流失提醒: starts the digests a recorded loss belongs in (lib/customer-losses/start-loss-digests.ts). */
  startLossDigests?: (tenantId: string, loss: RecordedLoss) => Promise<void>;
  /** 流失提醒's digest window (config lossDigestWindowMs); an hour when not given. */
  lossDigestWindowMs?: number;
  /** Has a handover's workflow read WeCom's results now (lib/handovers/poll-handover-now.ts). */
  pollHandoverNow?: (tenantId: string, handoverId: string) => Promise<unknown>;
}

const HOUR_MS = 3_600_000;

/**
 * WeCom answers these when the customer or group is gone by the time we read it: 40096 unknown external_userid,
 * 84061 no relation left, 40050 unknown chat id (the simulator says 40058 for an unknown chat_id).
 */
const GONE_ERRCODES = new Set([40096, 84061, 40050, 40058]);

type Outcome = 'applied' | 'ignored';

/**
 * Applies one stored 客户联系 callback. WeCom's payloads carry ids only, so every change is applied by reading the
 * customer, group or tags back from WeCom and storing what WeCom has *now*. That is what makes order and
 * repetition safe: applying an older event again stores today's truth, never the state of its time, and the
 * event rows it records are keyed by the event (or the relation's own add time), so they are written once.
 */
export function createCustomerEventActivities(deps: CustomerEventDeps) {
  const now = deps.now ?? (() => new Date());

  async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
    return withWeComFailures(async () => {
      try {
        return await read();
      } catch (error) {
        if (error instanceof WeComApiError && GONE_ERRCODES.has(error.errcode)) return undefined;
        throw error;
      }
    });
  }

  /** The newest relation we stored between the member and the customer, ended or not. */
  async function storedRelation(tenantId: string, externalUserid: string, userid: string) {
    const stored = await CustomerModel.findOne({ tenantId, externalUserid }, { follows: 1 }).lean();
    const relations = (stored?.follows ?? []).filter((follow) => follow.userid === userid);
    const newest = relations.sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime())[0];
    return newest
      ? { userid, addedAt: newest.addedAt, state: newest.state ?? '', addWay: newest.addWay ?? 0 }
      : undefined;
  }

  async function applyContactChange(
    tenantId: string,
    inboxKey: string,
    change: CustomerContactChange,
  ): Promise<Outcome> {
    if (change.ChangeType === 'transfer_fail') return applyTransferFail(tenantId, change);
    const at = new Date(change.CreateTime * 1000);
    const { ExternalUserID: externalUserid, UserID: userid } = change;
    const credentials = await deps.credentials(tenantId);
    const readAt = now();
    const truth = await readOrGone(() => deps.customers.getCustomer(credentials, externalUserid));
    const withPendingTags = await pendingTagOverlay(tenantId, readAt);
    const follows = (truth?.follow_user ?? []).map((followUser) =>
      withPendingTags(externalUserid, followFromFollowUser(followUser)),
    );
    const seenAt = now();

    const ended = endedBy(change);
    const events: CustomerEventRow[] = [];
    const event = (kind: CustomerEventRow['kind']): CustomerEventRow => ({
      _id: inboxKey,
      externalUserid,
      userid,
      kind,
      at,
      via: 'callback',
      ...(change.State ? { state: change.State } : {}),
    });
    switch (change.ChangeType) {
      case 'add_external_contact': {
        // Keyed by the relation's add time (WeCom's createtime), so a sync that saw the relation first has
        // already recorded it. Gone again from WeCom: the relation we stored (ended relations stay) still knows
        // that time; only a relation we never saw falls back to the event's own time. The event's CreateTime is
        // not WeCom's createtime (they may be seconds apart), so using it for a relation we know would record a
        // late redelivery twice.
        const relation =
          follows.find((follow) => follow.userid === userid) ??
          (await storedRelation(tenantId, externalUserid, userid));
        const added = relation ?? { userid, addedAt: at, state: change.State ?? '', addWay: 0 };
        events.push(addedEvent(externalUserid, added, 'callback'));
        break;
      }
      case 'add_half_external_contact':
        events.push(event('half_added'));
        break;
      case 'edit_external_contact':
        events.push(event('edited'));
        break;
      case 'del_external_contact':
        events.push(
          event(change.Source === 'DELETE_BY_TRANSFER' ? 'deleted_by_transfer' : 'deleted_by_staff'),
        );
        break;
      case 'del_follow_user':
        events.push(event('deleted_by_customer'));
        break;
    }
    await recordCustomerEvents(tenantId, events);
    await deps.startAlertReviews(tenantId, await recordDeleteFriendAlerts(deps.listSearch, tenantId, events));
    if (change.ChangeType === 'del_external_contact' || change.ChangeType === 'del_follow_user') {
      // 流失客户: the customer and the member's tags as stored before this end is applied below.
      const before = await CustomerModel.findOne(
        { tenantId, externalUserid },
        { name: 1, follows: 1 },
      ).lean();
      const loss = await recordCustomerLoss(deps.listSearch, tenantId, {
        inboxKey,
        end: { ...change, ChangeType: change.ChangeType },
        before,
        recordedAt: now(),
        digestWindowMs: deps.lossDigestWindowMs ?? HOUR_MS,
      });
      if (loss) await deps.startLossDigests?.(tenantId, loss);
    }

    await rewriteCustomers(
      tenantId,
      [externalUserid],
      (current) => {
        // A customer we never stored and WeCom no longer has (or only half-added): nothing to keep.
        if (!current && follows.length === 0) return null;
        const merge = replaceFollows(
          current?.follows ?? [],
          follows,
          seenAt,
          ended ? { ...ended, userid, at } : undefined,
        );
        return {
          follows: merge.follows,
          ...(truth ? { fields: { ...contactFields(truth.external_contact) } } : {}),
        };
      },
      { indexer: deps.customerIndexer },
    );
    return 'applied';
  }

  /**
   * The customer stays with the handover member, so there is nothing to read back: the handover tracking the
   * transfer marks it failed now, and its workflow is asked to read WeCom's results (it finishes the handover
   * when nobody is left waiting).
   */
  async function applyTransferFail(tenantId: string, change: CustomerContactChange): Promise<Outcome> {
    const changed = await markTransferFailed(tenantId, {
      externalUserid: change.ExternalUserID,
      takeoverUserid: change.UserID,
      failReason: change.FailReason,
      at: new Date(change.CreateTime * 1000),
    });
    for (const handoverId of changed) await deps.pollHandoverNow?.(tenantId, handoverId);
    return changed.length > 0 ? 'applied' : 'ignored';
  }

  async function applyChatChange(tenantId: string, change: GroupChatChange): Promise<Outcome> {
    const { ChatId: chatId } = change;
    if (change.ChangeType === 'dismiss') {
      await writeListRows(deps.listSearch, customerGroupReadModel, tenantId, [chatId], () =>
        CustomerGroupModel.updateOne(
          { tenantId, chatId, dismissedAt: { $exists: false } },
          { $set: { dismissedAt: new Date(change.CreateTime * 1000) } },
        ),
      );
      return 'applied';
    }
    const stored = await CustomerGroupModel.findOne({ tenantId, chatId }, { dismissedAt: 1 }).lean();
    // Chat ids are never reused: a late event of a dismissed group has nothing to add.
    if (stored?.dismissedAt) return 'ignored';
    const credentials = await deps.credentials(tenantId);
    const chat = await readOrGone(() => deps.customers.getGroupChat(credentials, chatId));
    if (!chat) return 'ignored';
    await writeListRows(deps.listSearch, customerGroupReadModel, tenantId, [chatId], () =>
      CustomerGroupModel.updateOne({ tenantId, chatId }, groupChatUpsert(chat, now()), { upsert: true }),
    );
    return 'applied';
  }

  async function applyTagChange(tenantId: string, change: CorpTagChange): Promise<Outcome> {
    const credentials = await deps.credentials(tenantId);
    const list = (filter: { tagIds?: string[]; groupIds?: string[] }) =>
      withWeComFailures(() => deps.corpTags.list(credentials, filter));
    const seenAt = now();
    const versions = await tagGroupVersions(tenantId);

    if (change.ChangeType === 'delete') {
      const isGroup = change.TagType === 'tag_group';
      const goneTagIds = isGroup ? await tagIdsOfGroups(tenantId, { groupId: change.Id }) : [change.Id];
      const owner = isGroup
        ? null
        : await CorpTagGroupModel.findOne({ tenantId, 'tags.tagId': change.Id }, { groupId: 1 }).lean();
      const groupId = isGroup ? change.Id : owner?.groupId;
      if (groupId && (await hasPendingCorpTagWrites(tenantId))) {
        // What WeCom answers would predate 标签管理's changes on their way to it (see below): only what was
        // deleted leaves ours.
        if (isGroup) await CorpTagGroupModel.deleteOne({ tenantId, groupId });
        else
          await updateCorpTagGroup({ tenantId, groupId }, (group) => ({
            tags: group.tags.filter((tag) => tag.tagId !== change.Id),
          }));
      } else if (groupId) {
        // The group as WeCom has it now; read by id, WeCom answers it and its tags flagged deleted once gone
        // (removed, or with its last tag), and storeTagGroups drops what is flagged.
        const [current] = await list({ groupIds: [groupId] });
        if (current) await storeTagGroups(tenantId, [current], seenAt, deps.customerIndexer, versions);
        else await CorpTagGroupModel.deleteOne({ tenantId, groupId });
      }
      await removeTagsFromCustomers(tenantId, goneTagIds, deps.customerIndexer);
      return 'applied';
    }

    // 标签管理's changes still on their way to WeCom (asked before WeCom is read: when there are none, WeCom has
    // every change saved so far): what WeCom answers would predate them. Their own change events come after
    // them, in order, and store the groups then.
    if (await hasPendingCorpTagWrites(tenantId)) return 'applied';
    // create, update, shuffle: store the affected groups whole, as WeCom has them now.
    let groups;
    if (!change.Id) groups = await list({});
    else if (change.TagType === 'tag') {
      const holders = await list({ tagIds: [change.Id] });
      groups = holders.length > 0 ? await list({ groupIds: holders.map((group) => group.group_id) }) : [];
    } else groups = await list({ groupIds: [change.Id] });
    if (groups.length === 0) return 'ignored';
    await storeTagGroups(tenantId, groups, seenAt, deps.customerIndexer, versions);
    return 'applied';
  }

  return {
    /** Stored 客户联系 events whose hand-off to the workflow failed. */
    listStrandedCustomerEvents: (input: { tenantId: string; receivedBefore: string }) =>
      strandedCallbackEvents('customers', input),

    applyCustomerEvent: ({ tenantId, inboxKey }: { tenantId: string; inboxKey: string }) =>
      applyInboxEvent(
        'customers',
        { tenantId, inboxKey },
        async (xml) => {
          const envelope = parseCallbackXml(xml);
          const change = readCustomerSideChange(envelope);
          await deps.onCustomerAdded?.(tenantId, inboxKey, envelope);
          if (change.Event === 'change_external_contact')
            return applyContactChange(tenantId, inboxKey, change);
          if (change.Event === 'change_external_chat') return applyChatChange(tenantId, change);
          return applyTagChange(tenantId, change);
        },
        now,
      ),
  };
}

function endedBy(change: CustomerContactChange): { by: DeletedBy } | null {
  if (change.ChangeType === 'del_external_contact') {
    return { by: change.Source === 'DELETE_BY_TRANSFER' ? 'transfer' : 'staff' };
  }
  if (change.ChangeType === 'del_follow_user') return { by: 'customer' };
  return null;
}

export type CustomerEventActivities = ReturnType<typeof createCustomerEventActivities>;
