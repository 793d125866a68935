import type { ArchiveConversation, ArchiveConversationsQuery } from '../../../lib/contracts/archive.contract';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import { StaffModel } from '../../../lib/models/staff.model';

type ArchivePeer = ArchiveConversation['peer'];

/** Who took part in a conversation: what a conversation summary and each archived message both carry. */
export interface ConversationParties {
  chatKind: 'internal' | 'external' | 'group';
  roomid?: string | null;
  staffUserids: string[];
  externalUserids: string[];
}

/**
 * The other side of each conversation, seen from the person whose chats are shown (a customer, a colleague or a
 * group), with its name and avatar. The names are read by key, one batch for a page of rows (customers by
 * externalUserid, staff by userid, groups by chatId); someone the CRM has not synced (yet) reads 未知客户 etc.
 * with a shortened id, never a bare WeCom id.
 */
export async function archivePeersOf(
  tenantId: string,
  rows: readonly ConversationParties[],
  subject: Pick<ArchiveConversationsQuery, 'staffUserid' | 'externalUserid'>,
): Promise<(row: ConversationParties) => ArchivePeer> {
  const peerOf = (row: ConversationParties): Pick<ArchivePeer, 'kind' | 'id'> => {
    if (row.chatKind === 'group') return { kind: 'group', id: row.roomid ?? '' };
    if (subject.externalUserid !== undefined) return { kind: 'staff', id: row.staffUserids[0] ?? '' };
    if (row.chatKind === 'external') return { kind: 'customer', id: row.externalUserids[0] ?? '' };
    return { kind: 'staff', id: row.staffUserids.find((id) => id !== subject.staffUserid) ?? '' };
  };
  const wanted = rows.map(peerOf);
  const ids = (kind: ArchivePeer['kind']) => [
    ...new Set(wanted.filter((peer) => peer.kind === kind && peer.id).map((peer) => peer.id)),
  ];
  const [customers, staff, groups] = await Promise.all([
    findMatchingAny<{ externalUserid: string; name?: string | null; avatar?: string | null }>(
      CustomerModel,
      ids('customer').map((externalUserid) => ({ tenantId, externalUserid })),
      { externalUserid: 1, name: 1, avatar: 1 },
    ),
    findMatchingAny<{ userid: string; name?: string | null; avatar?: string | null }>(
      StaffModel,
      ids('staff').map((userid) => ({ tenantId, userid })),
      { userid: 1, name: 1, avatar: 1 },
    ),
    findMatchingAny<{ chatId: string; name?: string | null }>(
      CustomerGroupModel,
      ids('group').map((chatId) => ({ tenantId, chatId })),
      { chatId: 1, name: 1 },
    ),
  ]);
  const known = new Map<string, { name: string; avatar: string }>([
    ...customers.map(
      (c) => [`customer:${c.externalUserid}`, { name: c.name ?? '', avatar: c.avatar ?? '' }] as const,
    ),
    ...staff.map((s) => [`staff:${s.userid}`, { name: s.name ?? '', avatar: s.avatar ?? '' }] as const),
    // WeCom lets a group go without a name.
    ...groups.map((g) => [`group:${g.chatId}`, { name: g.name || '未命名群聊', avatar: '' }] as const),
  ]);
  return (row) => {
    const peer = peerOf(row);
    const found = known.get(`${peer.kind}:${peer.id}`);
    return { ...peer, name: found?.name || unknownPeerName(peer), avatar: found?.avatar ?? '' };
  };
}

const UNKNOWN: Record<ArchivePeer['kind'], string> = {
  customer: '未知客户',
  staff: '未知员工',
  group: '未知群聊',
};

/** 未知客户（wmbKtE…MbBM）: says what kind of party it is, and an id short enough to read and to tell apart. */
export function unknownPeerName(peer: Pick<ArchivePeer, 'kind' | 'id'>): string {
  if (!peer.id) return UNKNOWN[peer.kind];
  const shortId = peer.id.length > 12 ? `${peer.id.slice(0, 6)}…${peer.id.slice(-4)}` : peer.id;
  return `${UNKNOWN[peer.kind]}（${shortId}）`;
}
