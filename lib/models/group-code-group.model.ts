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
 * A 实际群码 of a 群活码: an uploaded WeCom group QR image with its 有效期 and 扫码限制次数.
 * `remaining` = scanLimit − scanCount is what makes allocation exact without $expr (FerretDB v1 has none): a scan
 * claims the group with `findOneAndUpdate({remaining: {$gt: 0}, expiresAt: {$gt: now}}, {$inc: {remaining: -1,
 * scanCount: 1}})`, so two scans can never both take the last place.
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
    scanCount: { type: Number, required: true, default: 0 },
    remaining: { type: Number, required: true },
    store: { type: storeSchema },
  },
  { timestamps: true },
);
groupCodeGroupSchema.plugin(tenantScopePlugin);
groupCodeGroupSchema.index({ tenantId: 1, codeId: 1, position: 1 });

export type GroupCodeGroup = InferSchemaType<typeof groupCodeGroupSchema> & { _id: unknown };
export const GroupCodeGroupModel = model('GroupCodeGroup', groupCodeGroupSchema, 'group_code_groups');
