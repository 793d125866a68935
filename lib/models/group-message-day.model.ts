import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A group's archived messages on one China day, by staff and by external contacts (群画像's trend, R-3.2.2-03).
 * The ingest recounts the days a batch touched from the stored messages and sets the totals, so a re-read
 * batch sets the same numbers again instead of adding them twice.
 */
const groupMessageDaySchema = new Schema(
  {
    tenantId: { type: String, required: true },
    roomid: { type: String, required: true },
    /** YYYY-MM-DD in China time. */
    day: { type: String, required: true },
    staff: { type: Number, required: true, default: 0 },
    customers: { type: Number, required: true, default: 0 },
  },
  { timestamps: false, versionKey: false },
);
groupMessageDaySchema.plugin(tenantScopePlugin);
groupMessageDaySchema.index({ tenantId: 1, roomid: 1, day: 1 }, { unique: true });

export type GroupMessageDay = InferSchemaType<typeof groupMessageDaySchema>;
export const GroupMessageDayModel = model('GroupMessageDay', groupMessageDaySchema, 'group_message_days');
