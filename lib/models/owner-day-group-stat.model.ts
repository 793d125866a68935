import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** The 客户群 figures (OwnerDayGroupFigures), every field a count. */
const figures = () =>
  new Schema(
    {
      chatTotal: { type: Number, default: 0 },
      newChat: { type: Number, default: 0 },
      chatHasMsg: { type: Number, default: 0 },
      memberTotal: { type: Number, default: 0 },
      newMember: { type: Number, default: 0 },
      memberHasMsg: { type: Number, default: 0 },
      msgTotal: { type: Number, default: 0 },
    },
    { _id: false },
  );

/**
 * One group owner's 客户群 figures on one China day (统计分析, W-16): ours from the groups we hold and the chat
 * archive, and WeCom's from groupchat/statistic (null until pulled). `_id` is `<tenantId>|<YYYY-MM-DD>|<owner>`
 * and a rollup replaces the whole document, so re-running a day replaces it exactly. Aggregated over ranges in
 * lib/search/owner-day-group-stat-index.ts.
 */
const ownerDayGroupStatSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    /** YYYY-MM-DD, China time. */
    day: { type: String, required: true },
    owner: { type: String, required: true },
    ours: { type: figures(), required: true },
    wecom: { type: figures(), default: null },
    rolledUpAt: { type: Date, required: true },
  },
  { versionKey: false },
);
ownerDayGroupStatSchema.plugin(tenantScopePlugin);
// A rollup reads the day's rows it wrote before, to delete those that became all zeros.
ownerDayGroupStatSchema.index({ tenantId: 1, day: 1 });

export type OwnerDayGroupStat = InferSchemaType<typeof ownerDayGroupStatSchema>;
export const OwnerDayGroupStatModel = model(
  'OwnerDayGroupStat',
  ownerDayGroupStatSchema,
  'owner_day_group_stats',
);
