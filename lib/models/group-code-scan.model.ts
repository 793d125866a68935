import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One scan of a 群活码, written once and never updated. A scan that got a group is its seat ticket: `_id` =
 * `<groupId>:<seat>` with seat in 0 … 扫码限制次数 − 1, so the unique `_id` lets exactly one scan hold each seat —
 * the one guarantee that both MongoDB and FerretDB v1 keep under concurrent writers (FerretDB v1 applies
 * findAndModify and $inc as read-modify-write without locking: concurrent $inc lose updates and conditional
 * filters over-allocate, measured in test/integration/group-codes.test.ts's race). A scan that got no group
 * has `_id` = `<codeId>:<ObjectId>` and no groupId. Counting these gives exact 扫码次数 per code and per group.
 */
const groupCodeScanSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    codeId: { type: String, required: true },
    groupId: { type: String },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
groupCodeScanSchema.plugin(tenantScopePlugin);
groupCodeScanSchema.index({ tenantId: 1, codeId: 1 });
groupCodeScanSchema.index({ tenantId: 1, groupId: 1 });

export type GroupCodeScan = InferSchemaType<typeof groupCodeScanSchema>;
export const GroupCodeScanModel = model('GroupCodeScan', groupCodeScanSchema, 'group_code_scans');

/** The seat ticket's id: unique per group and seat. */
export const seatId = (groupId: string, seat: number) => `${groupId}:${seat}`;
