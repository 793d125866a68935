import type { Types } from 'mongoose';
import { ChatMessageModel } from '../models/chat-message.model';
import { CustomerGroupModel } from '../models/customer-group.model';
import { CustomerModel } from '../models/customer.model';
import { GroupMessageDayModel } from '../models/group-message-day.model';
import { customersByExternalUserid } from '../customers/customers-by-id';
import { customerGroupReadModel } from '../search/customer-group-index';
import type { CustomerIndexer } from '../search/customer-indexer';
import { writeListRows, type ListSearch } from '../search/list-read-model';
import type { ChatMessageRecord } from './chat-message-record';
import { bulkWriteInSlices } from '../db/bulk-write-in-slices';
import { findMatchingAny } from '../db/find-matching-any';

/**
 * What the customer and group pages learn from a batch of archived messages, written in bulk and safe to
 * write again for a batch read twice.
 */

/**
 * 近期沟通时间 (lastContactAt, the 客户 list's column): the latest message in a single chat with the customer,
 * or one the customer sent in a group. Only ever moved forward, so an older batch read late or twice changes
 * nothing. A move bumps `updatedAt`, which is the customer search index's version: the 客户 list's column follows
 * (the write goes through `indexer`), and a customer writer racing with us re-reads (its `updatedAt` guard), as
 * it would for any other writer.
 */
export async function updateLastContact(
  tenantId: string,
  records: readonly ChatMessageRecord[],
  indexer: CustomerIndexer,
): Promise<void> {
  const latest = new Map<string, Date>();
  const note = (externalUserid: string, at: Date) => {
    const known = latest.get(externalUserid);
    if (!known || known < at) latest.set(externalUserid, at);
  };
  for (const record of records) {
    if (record.chatKind === 'external') record.externalUserids.forEach((id) => note(id, record.msgtime));
    else if (record.chatKind === 'group' && record.senderType === 'external')
      note(record.from, record.msgtime);
  }
  if (latest.size === 0) return;
  // The customers we know, by key: their outbox rows go down before the write (customer-indexer.ts).
  const known = await customersByExternalUserid<{ _id: Types.ObjectId; externalUserid: string }>(
    tenantId,
    [...latest.keys()],
    { _id: 1 },
  );
  if (known.length === 0) return;
  const now = new Date();
  await indexer.writeAndIndex(
    tenantId,
    known.map((customer) => customer._id),
    () =>
      bulkWriteInSlices(
        CustomerModel,
        known.map(({ _id, externalUserid }) => {
          const at = latest.get(externalUserid)!;
          return {
            updateOne: {
              filter: { tenantId, _id, $or: [{ lastContactAt: { $lt: at } }, { lastContactAt: null }] },
              update: { $set: { lastContactAt: at, updatedAt: now } },
              timestamps: false,
            },
          };
        }),
        { ordered: false, timestamps: false },
      ),
  );
}

/**
 * 最近沟通时间 of a customer group (the 客户群 list's column and filter): its latest archived message. Only
 * ever moved forward, one group at a time (chatId is the key), so a batch read late or twice changes nothing;
 * groups not synced yet are left for the sync, whose next archived message sets it. The 客户群 index follows.
 */
export async function updateGroupLastMessage(
  search: ListSearch,
  tenantId: string,
  records: readonly ChatMessageRecord[],
): Promise<void> {
  const latest = new Map<string, Date>();
  for (const record of records) {
    if (!record.roomid) continue;
    const known = latest.get(record.roomid);
    if (!known || known < record.msgtime) latest.set(record.roomid, record.msgtime);
  }
  if (latest.size === 0) return;
  await writeListRows(search, customerGroupReadModel, tenantId, [...latest.keys()], () =>
    bulkWriteInSlices(
      CustomerGroupModel,
      [...latest].map(([chatId, at]) => ({
        updateOne: {
          filter: { tenantId, chatId, $or: [{ lastMessageAt: { $lt: at } }, { lastMessageAt: null }] },
          update: { $set: { lastMessageAt: at } },
        },
      })),
      { ordered: false },
    ),
  );
}

/**
 * 群画像's trend: recounts, from the stored messages, every (group, China day) the batch touched and sets the
 * totals. Counting what is stored (not adding the batch) is what makes a re-read batch harmless.
 */
export async function recountGroupDays(
  tenantId: string,
  records: readonly ChatMessageRecord[],
): Promise<void> {
  const touched = new Set(records.filter((r) => r.roomid).map((r) => `${r.roomid}\u0000${r.day}`));
  if (touched.size === 0) return;
  const counts = new Map<string, { staff: number; customers: number }>(
    [...touched].map((key) => [key, { staff: 0, customers: 0 }]),
  );
  const stored = await findMatchingAny<Pick<ChatMessageRecord, 'roomid' | 'day' | 'senderType'>>(
    ChatMessageModel,
    [...touched].map((key) => {
      const [roomid, day] = key.split('\u0000');
      return { tenantId, roomid, day };
    }),
    { roomid: 1, day: 1, senderType: 1, _id: 0 },
  );
  for (const message of stored) {
    const count = counts.get(`${message.roomid}\u0000${message.day}`);
    if (!count) continue;
    if (message.senderType === 'external') count.customers += 1;
    else count.staff += 1;
  }
  const writes = [...counts].map(([key, count]) => {
    const [roomid, day] = key.split('\u0000');
    return { updateOne: { filter: { tenantId, roomid, day }, update: { $set: count }, upsert: true } };
  });
  // Two runs creating the same day's row at once: one upsert loses with a duplicate key; once more finds it.
  await bulkWriteInSlices(GroupMessageDayModel, writes, { ordered: false }).catch(() =>
    bulkWriteInSlices(GroupMessageDayModel, writes, { ordered: false }),
  );
}
