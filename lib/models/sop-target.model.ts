import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One member of a to-do (目标客户 / 目标群, and a row of 客户接收明细): `_id` is `<todoId>|<memberId>`.
 * 已接收 once the staff member taps 我已完成 (I-116).
 */
const sopTargetSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    taskId: { type: String, required: true },
    todoId: { type: String, required: true },
    memberId: { type: String, required: true },
    memberName: { type: String, default: '' },
    assigneeUserid: { type: String, required: true },
    sentAt: { type: Date, required: true },
    received: { type: Boolean, default: false },
    receivedAt: { type: Date, default: null },
  },
  { versionKey: false, timestamps: true },
);
sopTargetSchema.plugin(tenantScopePlugin);
sopTargetSchema.index({ tenantId: 1, todoId: 1 });
sopTargetSchema.index({ tenantId: 1, planId: 1, taskId: 1 });

export type SopTarget = InferSchemaType<typeof sopTargetSchema>;
export const SopTargetModel = model('SopTarget', sopTargetSchema, 'sop_targets');
