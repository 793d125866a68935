import type {
  ContactRecordView,
  CreateContactRecord,
  colleagueSchema,
  contactRecordAttachmentSchema,
  contactRecordPageSchema,
} from '@contracts/contact-record.contract';
import type { z } from 'zod';

/** Shapes of the 联系记录 API (lib/contracts/contact-record.contract.ts). */
export type ContactRecord = ContactRecordView;
export type ContactRecordKind = ContactRecord['kind'];
export type ContactRecordAttachment = z.infer<typeof contactRecordAttachmentSchema>;
export type ContactRecordPage = z.infer<typeof contactRecordPageSchema>;

/** POST /api/customers/:externalUserid/contact-records. */
export type NewContactRecord = CreateContactRecord;

/** The @同事 picker's colleagues. */
export type Colleague = z.infer<typeof colleagueSchema>;

/** R-3.1.3-03 and I-49, checked here first so the person sees them at once (the server checks again). */
export const RECORD_TEXT_MAX = 100;
export const RECORD_ATTACHMENTS_MAX = 9;
export const RECORD_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
