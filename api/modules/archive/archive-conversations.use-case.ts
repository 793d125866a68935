import type {
  ArchiveConversationPage,
  ArchiveConversationsQuery,
} from '../../../lib/contracts/archive.contract';
import { ChatConversationModel } from '../../../lib/models/chat-conversation.model';
import { ChatMessageModel } from '../../../lib/models/chat-message.model';
import type { Caller } from '../../auth/caller';
import { archivePeersOf } from './archive-peers';
import { archiveSubjectFilter, messageConditionsFilter } from './archive-subject';

const DAY_MS = 24 * 60 * 60 * 1000;
const RANGE_DAYS = { '30d': 30, '90d': 90 } as const;

/**
 * 按员工检索 / 按客户检索's chat list (R-5.1.1-02/03/05, R-5.1.2-02) and 客户详情 → 企微会话记录's: one
 * person's conversations, newest first, 近30天/近90天 by the last message, optionally only those with messages
 * of a 消息类型 in a 聊天时间 range (I-52), each with the other party to show (customer, colleague or group).
 */
export async function listArchiveConversations(
  caller: Caller,
  query: ArchiveConversationsQuery,
  now = new Date(),
): Promise<ArchiveConversationPage> {
  const { tenantId } = caller;
  const subject = archiveSubjectFilter(await caller.scope(), query);
  const filter: Record<string, unknown> = { tenantId, ...subject };
  if (query.chatKind) filter.chatKind = query.chatKind;
  if (query.range !== 'all') {
    filter.lastMessageAt = { $gte: new Date(now.getTime() - RANGE_DAYS[query.range] * DAY_MS) };
  }
  const conditions = messageConditionsFilter(query);
  if (conditions) {
    // The summaries know only the last message: the conversations with such messages come from the messages
    // (one person's conversations, on the per-person index).
    filter.conversationId = {
      $in: await ChatMessageModel.distinct('conversationId', { tenantId, ...subject, ...conditions }),
    };
  }
  const [rows, total] = await Promise.all([
    ChatConversationModel.find(filter)
      .sort({ lastMessageAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    ChatConversationModel.countDocuments(filter),
  ]);
  const peers = await archivePeersOf(tenantId, rows, query);
  return {
    items: rows.map((row) => ({
      conversationId: row.conversationId,
      chatKind: row.chatKind,
      peer: peers(row),
      lastMessageAt: row.lastMessageAt.toISOString(),
      lastMessage: {
        msgtype: row.lastMessage?.msgtype ?? '',
        from: row.lastMessage?.from ?? '',
        content: row.lastMessage?.content ?? '',
      },
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
