/** 内容存档 (R-5.1): the shapes of /api/archive/* (lib/contracts/archive.contract.ts). */

export type ChatKind = 'internal' | 'external' | 'group';
export type ArchiveRange = '30d' | '90d' | 'all';

/** Whose chats are shown: one staff member (按员工检索) or one customer (按客户检索). */
export type ArchiveSubject =
  | { kind: 'staff'; staffUserid: string; name: string }
  | { kind: 'customer'; externalUserid: string; name: string };

export interface ArchivePeer {
  kind: 'customer' | 'staff' | 'group';
  id: string;
  name: string;
  avatar: string;
}

export interface ArchiveConversation {
  conversationId: string;
  chatKind: ChatKind;
  peer: ArchivePeer;
  lastMessageAt: string;
  lastMessage: { msgtype: string; from: string; content: string };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Hits are counted up to 1000; `totalCapped` says there are more ("1000+"). */
export interface ArchiveSearchPage extends Page<ArchiveSearchHit> {
  totalCapped: boolean;
}

export interface ArchiveCustomer {
  externalUserid: string;
  name: string;
  avatar: string;
  type: number | null;
  lastContactAt: string;
}

export interface ArchiveMessage {
  msgid: string;
  msgtype: string;
  action: string;
  from: string;
  senderType: 'staff' | 'external';
  msgtime: string;
  content: string;
}

/** GET /api/archive/messages */
export interface ArchiveMessagePage {
  items: ArchiveMessage[];
  nextCursor: string | null;
}

export interface HighlightSegment {
  text: string;
  hit: boolean;
}

export interface ArchiveSearchHit {
  conversationId: string;
  chatKind: ChatKind;
  /** Whose chat the hit is in: the customer, colleague or group, by name. */
  peer: ArchivePeer;
  msgid: string;
  msgtype: string;
  from: string;
  msgtime: string;
  segments: HighlightSegment[];
}

/** The message pane's filters (R-5.1.1-06/07). */
export interface MessageFilters {
  from: string | null;
  to: string | null;
  msgtype: string;
}

/** 企微会话记录's conditions (I-52) on a customer's chat list and search: 员工 plus the pane's filters. */
export interface ChatConditions extends MessageFilters {
  staffUserid: string | null;
}
