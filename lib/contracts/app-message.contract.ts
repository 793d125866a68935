import { z } from './common.contract';

/**
 * Why WeCom did not deliver an app message to a member although it accepted the send (message/send answers
 * errcode 0 and lists them, API.md §11): `invaliduser` — not in the corp (never was, left, or disabled);
 * `unlicenseduser` — no account licence.
 */
export const UNDELIVERED_REASONS = ['invaliduser', 'unlicenseduser'] as const;
export type UndeliveredReason = (typeof UNDELIVERED_REASONS)[number];

/** A member an app message (reminder, notice) did not reach, shown as 未送达 beside what sent it. */
export const undeliveredRecipientSchema = z
  .object({
    userid: z.string(),
    /** The staff member's name, or the userid when no staff member has it. */
    name: z.string(),
    reason: z.enum(UNDELIVERED_REASONS),
  })
  .openapi('UndeliveredRecipient');
export type UndeliveredRecipientView = z.infer<typeof undeliveredRecipientSchema>;
