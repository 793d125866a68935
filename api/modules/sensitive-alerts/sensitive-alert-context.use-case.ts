import type { FilterQuery } from 'mongoose';
import { undeliveredView } from '../../../lib/app-messages/undelivered-recipients';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { customersByExternalUserid } from '../../../lib/customers/customers-by-id';
import { staffScopeFilter } from '../../../lib/access/data-scope';
import type { SensitiveAlertContext } from '../../../lib/contracts/sensitive-alerts.contract';
import { ChatMessageModel } from '../../../lib/models/chat-message.model';
import { SensitiveAlertModel } from '../../../lib/models/sensitive-alert.model';
import type { Caller } from '../../auth/caller';
import { alertNotFound } from './sensitive-alert-review.use-case';

/** How many messages either side of the hit the review dialog shows. */
const AROUND = 5;

type ChatMessageRow = {
  _id: string;
  msgid: string;
  seq: number;
  from: string;
  senderType: string;
  msgtype: string;
  msgtime: Date;
  content: string;
};

/**
 * The conversation around an alert (审核 dialog): the 5 messages before and after the hit in the same
 * conversation, by (msgtime, seq): messages of the same instant keep the archive's order, which is the order
 * they were sent in. An alert without a message (删除好友) is placed at its 触发时间.
 */
export async function alertContext(
  caller: Caller,
  { alertId }: { alertId: string },
): Promise<SensitiveAlertContext> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const alert = await SensitiveAlertModel.findOne({
    tenantId,
    _id: alertId,
    ...staffScopeFilter(scope, 'staffUserids'),
  }).lean();
  if (!alert) throw alertNotFound();
  const conversation = { tenantId, conversationId: alert.conversationId };
  const hit = alert.msgid
    ? await ChatMessageModel.findOne({ tenantId, msgid: alert.msgid }).lean<ChatMessageRow>()
    : null;
  const at = hit?.msgtime ?? alert.triggeredAt;
  const beforeFilter: FilterQuery<ChatMessageRow> = hit
    ? { $or: [{ msgtime: { $lt: at } }, { msgtime: at, seq: { $lt: hit.seq } }] }
    : { msgtime: { $lt: at } };
  const afterFilter: FilterQuery<ChatMessageRow> = hit
    ? { $or: [{ msgtime: { $gt: at } }, { msgtime: at, seq: { $gt: hit.seq } }] }
    : { msgtime: { $gte: at } };
  const [before, after] = await Promise.all([
    ChatMessageModel.find({ ...conversation, ...beforeFilter })
      .sort({ msgtime: -1, seq: -1 })
      .limit(AROUND)
      .lean<ChatMessageRow[]>(),
    ChatMessageModel.find({ ...conversation, ...afterFilter })
      .sort({ msgtime: 1, seq: 1 })
      .limit(AROUND)
      .lean<ChatMessageRow[]>(),
  ]);
  const rows = [...before.reverse(), ...(hit ? [hit] : []), ...after];
  const undelivered = alert.noticeUndelivered ?? [];
  const [names, undeliveredTo] = await Promise.all([
    senderNames(tenantId, rows),
    staffNamesByUserid(
      tenantId,
      undelivered.map((recipient) => recipient.userid),
    ),
  ]);
  return {
    words: alert.words,
    messages: rows.map((row) => ({
      id: row._id,
      senderName: names.get(row.from) ?? row.from,
      senderType: row.senderType === 'staff' ? 'staff' : 'customer',
      msgtype: row.msgtype,
      msgtime: row.msgtime.toISOString(),
      content: row.content,
      hit: row._id === hit?._id,
    })),
    noticeUndelivered: undeliveredView(undelivered, undeliveredTo),
  };
}

async function senderNames(tenantId: string, rows: ChatMessageRow[]): Promise<Map<string, string>> {
  const staffIds = [...new Set(rows.filter((r) => r.senderType === 'staff').map((r) => r.from))];
  const externalIds = [...new Set(rows.filter((r) => r.senderType !== 'staff').map((r) => r.from))];
  const [staff, customers] = await Promise.all([
    staffNamesByUserid(tenantId, staffIds),
    customersByExternalUserid<{ externalUserid: string; name: string }>(tenantId, externalIds, { name: 1 }),
  ]);
  return new Map([...staff, ...customers.map((c) => [c.externalUserid, c.name] as const)]);
}
