import type { UndeliveredRecipient } from '../../../shared/undelivered/undelivered';

/** Shapes of the 联系记录 API (lib/contracts/contact-record.contract.ts on the server). */
export type ContactRecordKind = 'record' | 'reminder';

export interface ContactRecordAttachment {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ContactRecord {
  id: string;
  externalUserid: string;
  kind: ContactRecordKind;
  text: string;
  attachments: ContactRecordAttachment[];
  mentions: Array<{ userid: string; name: string }>;
  remindAt: string | null;
  creator: { userid: string; name: string };
  /** 提醒事项: the members WeCom did not deliver its messages to. */
  undelivered: UndeliveredRecipient[];
  createdAt: string;
  mine: boolean;
}

export interface ContactRecordPage {
  items: ContactRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NewContactRecord {
  kind: ContactRecordKind;
  text: string;
  attachmentIds: string[];
  mentionUserids: string[];
  remindAt?: string;
}

export interface Colleague {
  userid: string;
  name: string;
  avatar: string;
}

/** R-3.1.3-03 and I-49, checked here first so the person sees them at once (the server checks again). */
export const RECORD_TEXT_MAX = 100;
export const RECORD_ATTACHMENTS_MAX = 9;
export const RECORD_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
