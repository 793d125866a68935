/**
 * A corp's callback settings (API.md §13.1), contacts and customers, and what the simulator has sent there.
 * A config only gets here after WeCom's URL verification succeeded.
 */
import { z } from 'zod';
import { DeliveryLog } from './delivery-log';

/**
 * Since 2022-08-15 a contact-sync callback configured anew only receives UserID and Department for member
 * events (API.md §14.5, doc 96302); older configs get every field. `all` is the default here; choose
 * `idAndDepartment` to test a product against a newly configured corp.
 */
export const MEMBER_EVENT_FIELD_MODES = ['all', 'idAndDepartment'] as const;
export type MemberEventFieldMode = (typeof MEMBER_EVENT_FIELD_MODES)[number];

export const callbackConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
  token: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'token is 1-32 letters or digits'),
  encodingAesKey: z.string().regex(/^[A-Za-z0-9]{43}$/, 'encodingAesKey is exactly 43 letters or digits'),
  memberEventFields: z.enum(MEMBER_EVENT_FIELD_MODES).default('all'),
});

export type CallbackConfig = z.infer<typeof callbackConfigSchema>;

/** Where WeCom sends a corp's events: the contact-sync server, or the 客户联系 receive-event server. */
export const CALLBACK_TARGETS = ['contacts', 'customers'] as const;
export type CallbackTarget = (typeof CALLBACK_TARGETS)[number];

export class CorpCallbacks {
  contacts: CallbackConfig | undefined;
  customers: CallbackConfig | undefined;
  readonly deliveries = new DeliveryLog();
}
