import type {
  ARCHIVE_RANGES,
  ArchiveConversation,
  ArchiveCustomerPage,
  ArchiveMessagePage,
  ArchiveSearchPage,
  archivePeerSchema,
} from '@contracts/archive.contract';
import type { z } from 'zod';

/** 内容存档 (R-5.1): the shapes of /api/archive/* (lib/contracts/archive.contract.ts). */
export type {
  ArchiveConversation,
  ArchiveConversationPage,
  ArchiveCustomerPage,
  ArchiveMessagePage,
  ArchiveSearchPage,
  HighlightSegment,
} from '@contracts/archive.contract';

export type ChatKind = ArchiveConversation['chatKind'];
export type ArchiveRange = (typeof ARCHIVE_RANGES)[number];
export type ArchivePeer = z.infer<typeof archivePeerSchema>;
export type ArchiveCustomer = ArchiveCustomerPage['items'][number];
export type ArchiveMessage = ArchiveMessagePage['items'][number];
/** Hits are counted up to 1000; the page's `totalCapped` says there are more ("1000+"). */
export type ArchiveSearchHit = ArchiveSearchPage['items'][number];

/** Whose chats are shown: one staff member (按员工检索) or one customer (按客户检索). */
export type ArchiveSubject =
  | { kind: 'staff'; staffUserid: string; name: string }
  | { kind: 'customer'; externalUserid: string; name: string };

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
