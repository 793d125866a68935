import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One staff member's 客户联系 figures on one China day (统计分析, W-16): what our own events and chat archive
 * give (`ours`, always) and what WeCom's get_user_behavior_data answered (`wecom`, null until pulled or when
 * WeCom had nothing: older than 180 days, or the member has no 客户联系 permission). `_id` is
 * `<tenantId>|<YYYY-MM-DD>|<userid>`, and a rollup replaces the whole document, so re-running a day gives the
 * same document, never a sum of two runs. Any range is a sum of these rows (≤366 per member), aggregated in
 * the Elasticsearch read model (lib/search/staff-day-stat-index.ts).
 */
const ratio = { numerator: { type: Number, default: 0 }, denominator: { type: Number, default: 0 } };
const staffDayStatSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    /** YYYY-MM-DD, China time. */
    day: { type: String, required: true },
    userid: { type: String, required: true },
    ours: {
      /** add_half_external_contact: requests the member sent that the customer had not yet accepted. */
      newApply: { type: Number, default: 0 },
      newContact: { type: Number, default: 0 },
      deletedByStaff: { type: Number, default: 0 },
      deletedByCustomer: { type: Number, default: 0 },
      chatCnt: { type: Number, default: 0 },
      messageCnt: { type: Number, default: 0 },
      reply: ratio,
      firstReply: { totalSeconds: { type: Number, default: 0 }, count: { type: Number, default: 0 } },
      /** 新增客户 by source (CUSTOMER_SOURCES). */
      sources: {
        qrcode: { type: Number, default: 0 },
        card: { type: Number, default: 0 },
        other: { type: Number, default: 0 },
      },
    },
    /** WeCom's behavior_data entry for the day, as it came (API.md §10.1; avgReplyMinutes in minutes). */
    wecom: {
      type: new Schema(
        {
          newApply: { type: Number, required: true },
          newContact: { type: Number, required: true },
          chatCnt: { type: Number, required: true },
          messageCnt: { type: Number, required: true },
          /** Percent (0–100), absent on days without customer-started chats. */
          replyPercentage: { type: Number },
          avgReplyMinutes: { type: Number },
          negativeFeedback: { type: Number, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    rolledUpAt: { type: Date, required: true },
  },
  { versionKey: false },
);
staffDayStatSchema.plugin(tenantScopePlugin);
// A rollup reads the day's rows it wrote before, to delete those that became all zeros.
staffDayStatSchema.index({ tenantId: 1, day: 1 });

export type StaffDayStat = InferSchemaType<typeof staffDayStatSchema>;
export const StaffDayStatModel = model('StaffDayStat', staffDayStatSchema, 'staff_day_stats');
