import type { ArchiveMessagePage, ArchiveMessagesQuery } from '../../../lib/contracts/archive.contract';
import { ChatMessageModel } from '../../../lib/models/chat-message.model';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';
import { messageConditionsFilter } from './archive-subject';

/** The cursor is the last row's (msgtime, _id): the index's order, so a page never skips or repeats a row. */
interface Cursor {
  t: number;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    return typeof value.t === 'number' && typeof value.id === 'string' ? { t: value.t, id: value.id } : null;
  } catch {
    return null;
  }
}

/**
 * One conversation's messages, newest first, older pages by cursor (R-5.1.1-06/07/10). Within the caller's
 * 数据权限: a conversation is visible when one of its staff is in scope, which for a chat's messages is a
 * condition on `staffUserids`.
 */
export async function listArchiveMessages(
  caller: Caller,
  query: ArchiveMessagesQuery,
): Promise<ArchiveMessagePage> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const filter: Record<string, unknown> = { tenantId, conversationId: query.conversationId };
  if (!scope.all) filter.staffUserids = { $in: scope.userids };
  Object.assign(filter, messageConditionsFilter(query));
  if (query.before) {
    const cursor = decodeCursor(query.before);
    if (!cursor) throw badRequest('分页参数有误，请刷新后重试');
    const at = new Date(cursor.t);
    filter.$or = [{ msgtime: { $lt: at } }, { msgtime: at, _id: { $lt: cursor.id } }];
  }
  const rows = await ChatMessageModel.find(filter)
    .sort({ msgtime: -1, _id: -1 })
    .limit(query.pageSize + 1)
    .lean();
  const page = rows.slice(0, query.pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      msgid: row.msgid,
      msgtype: row.msgtype,
      action: row.action,
      from: row.from,
      senderType: row.senderType,
      tolist: row.tolist,
      roomid: row.roomid,
      msgtime: row.msgtime.toISOString(),
      content: row.content,
      body: (row.body ?? {}) as Record<string, unknown>,
    })),
    nextCursor:
      rows.length > query.pageSize && last ? encodeCursor({ t: last.msgtime.getTime(), id: last._id }) : null,
  };
}
