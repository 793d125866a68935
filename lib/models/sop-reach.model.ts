import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 触达 (I-116) as rows counted by key, so that 今日触达客户数 and 总触达客户数 are distinct members without a
 * distinct or a range: when a member becomes 已接收, four rows are inserted if absent, `_id`
 * `<planId>|<taskId or *>|<YYYY-MM-DD or *>|<memberId>` — of the task node and of the whole plan (`taskId`
 * '*'), for that China day and for all time (`day` '*'). A count by {planId, taskId, day} answers a card; '*'
 * rather than null, because FerretDB pushes down equality on strings but not on null.
 */
export const SOP_REACH_ALL = '*';

const sopReachSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    /** SOP_REACH_ALL for the whole plan's rows. */
    taskId: { type: String, required: true },
    /** SOP_REACH_ALL for the all-time rows. */
    day: { type: String, required: true },
    memberId: { type: String, required: true },
  },
  { versionKey: false },
);
sopReachSchema.plugin(tenantScopePlugin);
sopReachSchema.index({ tenantId: 1, planId: 1, taskId: 1, day: 1 });

export type SopReach = InferSchemaType<typeof sopReachSchema>;
export const SopReachModel = model('SopReach', sopReachSchema, 'sop_reach');
