import { z } from 'zod';
import type { CallbackEnvelope } from './callback-event';

/** 客户联系 callback payloads (API.md §14.2-14.4), read from a parsed envelope. */

/**
 * MemChangeList comes as `<Item>` children today and as one comma-joined string in older deliveries
 * (API.md B8); either, or none, gives the list of ids.
 */
export function readMemChangeList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  if (typeof value === 'object' && 'Item' in value) {
    const items = (value as { Item: unknown }).Item;
    return (Array.isArray(items) ? items : [items]).map(String).filter(Boolean);
  }
  return [];
}

const createTime = z.coerce.number();

const contactChangeSchema = z.looseObject({
  Event: z.literal('change_external_contact'),
  ChangeType: z.enum([
    'add_external_contact',
    'add_half_external_contact',
    'edit_external_contact',
    'del_external_contact',
    'del_follow_user',
    'transfer_fail',
  ]),
  CreateTime: createTime,
  UserID: z.string().min(1),
  ExternalUserID: z.string().min(1),
  State: z.string().optional(),
  Source: z.string().optional(),
  /** transfer_fail: customer_refused or customer_limit_exceed. */
  FailReason: z.string().optional(),
});

const chatChangeSchema = z.looseObject({
  Event: z.literal('change_external_chat'),
  ChangeType: z.enum(['create', 'update', 'dismiss']),
  CreateTime: createTime,
  ChatId: z.string().min(1),
  UpdateDetail: z.string().optional(),
  MemChangeList: z.unknown().optional().transform(readMemChangeList),
});

const tagChangeSchema = z.looseObject({
  Event: z.literal('change_external_tag'),
  ChangeType: z.enum(['create', 'update', 'delete', 'shuffle']),
  CreateTime: createTime,
  /** Tag or group id; empty for a shuffle of every group (API.md B12). */
  Id: z.string().default(''),
  TagType: z.enum(['tag', 'tag_group']).optional(),
});

const customerChangeSchema = z.discriminatedUnion('Event', [
  contactChangeSchema,
  chatChangeSchema,
  tagChangeSchema,
]);

export type CustomerContactChange = z.infer<typeof contactChangeSchema>;
export type GroupChatChange = z.infer<typeof chatChangeSchema>;
export type CorpTagChange = z.infer<typeof tagChangeSchema>;
export type CustomerSideChange = z.infer<typeof customerChangeSchema>;

/** Throws a ZodError for a payload we cannot read (the inbox parks it as failed). */
export function readCustomerSideChange(envelope: CallbackEnvelope): CustomerSideChange {
  return customerChangeSchema.parse(envelope);
}

export const CUSTOMER_SIDE_EVENTS = [
  'change_external_contact',
  'change_external_chat',
  'change_external_tag',
];
