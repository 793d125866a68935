import { Schema } from 'mongoose';
import { UNDELIVERED_REASONS } from '../contracts/app-message.contract';

/**
 * A member WeCom named as not reached in its answer to an app message (lib/wecom/message-api.ts), kept on
 * whatever sent the message. Equal entries are one: writers add them with `$addToSet`, so a retried send
 * adds nothing twice.
 */
export const undeliveredRecipientSchema = new Schema(
  {
    userid: { type: String, required: true },
    reason: { type: String, enum: UNDELIVERED_REASONS, required: true },
  },
  { _id: false },
);
