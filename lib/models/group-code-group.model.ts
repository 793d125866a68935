import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

const storeSchema = new Schema(
  {
    name: { type: String, required: true },
    address: { type: String, default: '' },
    latitude: { type: Number, required: true },
    longitude: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * A 实际群码 of a 群活码: an uploaded WeCom group QR image with its 有效期 and 扫码限制次数. Its scans
 * are seat tickets in group_code_scans (lib/models/group-code-scan.model.ts), which make allocation exact;
 * `seatHint` only says where a scan should start looking for a free seat.
 */
const groupCodeGroupSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    codeId: { type: String, required: true },
    /** 溢出 order = the order the groups were added (I-20). */
    position: { type: Number, required: true },
    qrFileId: { type: String, required: true },
    name: { type: String, required: true },
    /** The China day of 有效期; the group expires at its 24:00 (`expiresAt`). */
    expiresOn: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    scanLimit: { type: Number, required: true },
    /**
     * Seats known to be taken (raised with $max after each claim). A hint, never the truth: a lost write
     * only makes a later scan walk a few taken seats; the unique seat ids decide.
     */
    seatHint: { type: Number, required: true, default: 0 },
    store: { type: storeSchema },
  },
  { timestamps: true },
);
groupCodeGroupSchema.plugin(tenantScopePlugin);
groupCodeGroupSchema.index({ tenantId: 1, codeId: 1, position: 1 });

export type GroupCodeGroup = InferSchemaType<typeof groupCodeGroupSchema> & { _id: unknown };
export const GroupCodeGroupModel = model('GroupCodeGroup', groupCodeGroupSchema, 'group_code_groups');
