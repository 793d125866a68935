import { InferSchemaType, Schema, model } from 'mongoose';
import { GROUP_CODE_STATUSES, GROUP_CODE_STRATEGIES } from '../contracts/group-code.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { undeliveredRecipientSchema } from './undelivered-recipient.schema';

const creatorSchema = new Schema(
  {
    staffId: { type: String, required: true },
    userid: { type: String, required: true },
    /** As shown in 创建人: the staff member's name, or 管理员 for the super admin (R-2.1.1-07). */
    name: { type: String, required: true },
  },
  { _id: false },
);

/**
 * 群活码: one fixed QR code in front of several 实际群码 (lib/models/group-code-group.model.ts, one
 * document each; scans are tickets in lib/models/group-code-scan.model.ts). `status` is derived from the groups
 * (lib/group-codes/group-code-status.ts) and kept here so the list can filter on it.
 */
const groupCodeSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    scene: { type: String, required: true },
    strategy: { type: String, enum: GROUP_CODE_STRATEGIES, required: true },
    guide: { type: String, default: '' },
    /** 活码图片 in GridFS (lib/group-codes/group-code-images.ts), or none for a plain QR. */
    iconFileId: { type: String },
    creator: { type: creatorSchema, required: true },
    status: { type: String, enum: GROUP_CODE_STATUSES, required: true, default: 'normal' },
    groupCount: { type: Number, required: true, default: 0 },
    /** The latest alert app message to the creator (R-0-13), and whether WeCom delivered it. */
    lastAlert: {
      type: new Schema(
        {
          kind: { type: String, required: true },
          sentAt: { type: Date, required: true },
          undelivered: { type: [undeliveredRecipientSchema], default: [] },
        },
        { _id: false },
      ),
    },
    deletedAt: { type: Date },
  },
  { timestamps: true },
);
groupCodeSchema.plugin(tenantScopePlugin);
// The list: newest first, by status, within a creator's data scope.
groupCodeSchema.index({ tenantId: 1, createdAt: -1 });
groupCodeSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
groupCodeSchema.index({ tenantId: 1, 'creator.userid': 1, createdAt: -1 });

export type GroupCode = InferSchemaType<typeof groupCodeSchema> & { _id: unknown; createdAt: Date };
export const GroupCodeModel = model('GroupCode', groupCodeSchema, 'group_codes');
