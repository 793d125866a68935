import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Every decrypted WeCom callback, stored before it is acknowledged. `key` is a hash of the decrypted
 * message: WeCom re-encrypts a retried delivery with a new random prefix, but the message is the same,
 * so a retry lands on the same key and is stored once.
 */
const callbackInboxSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    key: { type: String, required: true },
    source: { type: String, required: true, enum: ['contacts', 'customers'] },
    event: { type: String, required: true },
    changeType: { type: String, default: '' },
    xml: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    status: {
      type: String,
      required: true,
      enum: ['received', 'applied', 'ignored', 'failed'],
      default: 'received',
    },
    appliedAt: { type: Date },
    error: { type: String },
  },
  { timestamps: false },
);
callbackInboxSchema.plugin(tenantScopePlugin);
callbackInboxSchema.index({ tenantId: 1, key: 1 }, { unique: true });
callbackInboxSchema.index({ tenantId: 1, status: 1, receivedAt: 1 });

export type CallbackInboxEntry = InferSchemaType<typeof callbackInboxSchema>;
export const CallbackInboxModel = model('CallbackInbox', callbackInboxSchema, 'callback_inbox');
