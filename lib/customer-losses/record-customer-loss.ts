import { insertManyOnce } from '../db/insert-many-once';
import { ChatConversationModel } from '../models/chat-conversation.model';
import { CustomerLossModel, type CustomerLossKind } from '../models/customer-loss.model';
import { customerLossReadModel } from '../search/customer-loss-index';
import { writeListRows, type ListSearch } from '../search/list-read-model';
import { digestSendAt, digestWindowOf } from './digest-window';

/** A relation's end as the callback tells it (API.md §14.2). */
export interface RelationEnd {
  ChangeType: 'del_external_contact' | 'del_follow_user';
  UserID: string;
  ExternalUserID: string;
  /** del_external_contact: 'DELETE_BY_TRANSFER' when 在职继承 removed the relation. */
  Source?: string;
  CreateTime: number;
}

/** The customer as we stored it before the end was applied: its name, and the member's tags on it. */
export interface CustomerBeforeEnd {
  name?: string | null;
  follows?: ReadonlyArray<{ userid: string; tagIds?: string[] | null; deletedAt?: Date | null }> | null;
}

/** A loss as recorded: which digest window it belongs to, for whom. */
export interface RecordedLoss {
  lossId: string;
  userid: string;
  digestBucket: string;
  /** When the window's digest goes out (digestSendAt), epoch ms. */
  digestSendAt: number;
}

/** A transfer's deletion is a hand-over, not a loss: the customer stays with the company. */
export function lossKindOf(end: RelationEnd): CustomerLossKind | null {
  if (end.ChangeType === 'del_follow_user') return 'deleted_by_customer';
  return end.Source === 'DELETE_BY_TRANSFER' ? null : 'deleted_by_staff';
}

/** The last archived message between a member and a customer, from the archive's conversation summary. */
async function lastChatAt(
  tenantId: string,
  userid: string,
  externalUserid: string,
): Promise<Date | undefined> {
  const conversationId = `single:${[userid, externalUserid].sort().join('|')}`;
  const conversation = await ChatConversationModel.findOne(
    { tenantId, _id: `${tenantId}:${conversationId}` },
    { lastMessageAt: 1 },
  ).lean();
  return conversation?.lastMessageAt ?? undefined;
}

/**
 * Records one 流失客户 row (and its list document), once: keyed by the callback's inbox key, so a redelivered
 * event finds its row and answers it as first recorded (same digest window, so no second message). Answers
 * null for what is no loss (a transfer).
 */
export async function recordCustomerLoss(
  search: ListSearch,
  tenantId: string,
  input: {
    inboxKey: string;
    end: RelationEnd;
    before: CustomerBeforeEnd | null;
    recordedAt: Date;
    digestWindowMs: number;
  },
): Promise<RecordedLoss | null> {
  const { inboxKey, end, before } = input;
  const kind = lossKindOf(end);
  if (!kind) return null;
  // The member's active relation; one a sync already ended still has its tags.
  const relations = (before?.follows ?? []).filter((f) => f.userid === end.UserID);
  const follow = relations.find((f) => !f.deletedAt) ?? relations[0];
  const window = digestWindowOf(input.recordedAt, input.digestWindowMs);
  const chattedAt = await lastChatAt(tenantId, end.UserID, end.ExternalUserID);
  await writeListRows(search, customerLossReadModel, tenantId, [inboxKey], () =>
    insertManyOnce(CustomerLossModel, [
      {
        _id: inboxKey,
        tenantId,
        externalUserid: end.ExternalUserID,
        userid: end.UserID,
        kind,
        lostAt: new Date(end.CreateTime * 1000),
        customerName: before?.name ?? '',
        tagIds: follow?.tagIds ?? [],
        ...(chattedAt ? { lastChatAt: chattedAt } : {}),
        digestBucket: window.bucket,
      },
    ]),
  );
  const stored = await CustomerLossModel.findOne(
    { tenantId, _id: inboxKey },
    { userid: 1, digestBucket: 1 },
  ).lean();
  if (!stored) return null;
  const storedWindow = digestWindowOf(new Date(stored.digestBucket), input.digestWindowMs);
  return {
    lossId: inboxKey,
    userid: stored.userid,
    digestBucket: stored.digestBucket,
    digestSendAt: digestSendAt(storedWindow.endsAt, input.digestWindowMs),
  };
}
