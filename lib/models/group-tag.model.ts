import { InferSchemaType, Schema, model } from 'mongoose';
import { TAG_COLORS } from '../contracts/tags.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

const groupTagSchema = new Schema(
  {
    name: { type: String, required: true },
    color: { type: String, enum: TAG_COLORS, default: 'blue' },
    order: { type: Number, default: 0 },
  },
  { timestamps: true },
);

/**
 * 群标签 (R-7.3.2, I-106): tag groups for customer groups, kept only here (WeCom has no group-tag API).
 * A tag is addressed by its embedded `_id`.
 */
const groupTagGroupSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    order: { type: Number, default: 0 },
    tags: { type: [groupTagSchema], default: [] },
  },
  { timestamps: true },
);
groupTagGroupSchema.plugin(tenantScopePlugin);
groupTagGroupSchema.index({ tenantId: 1, name: 1 }, { unique: true });
groupTagGroupSchema.index({ tenantId: 1, order: 1 });

export type GroupTagGroup = InferSchemaType<typeof groupTagGroupSchema>;
export const GroupTagGroupModel = model('GroupTagGroup', groupTagGroupSchema, 'group_tag_groups');
