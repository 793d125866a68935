import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** 标签颜色 (R-7.3.1-03): a 微丰-only attribute, one of a small palette. */
export const TAG_COLORS = ['blue', 'green', 'orange', 'red'] as const;
export type TagColor = (typeof TAG_COLORS)[number];

const corpTagSchema = new Schema(
  {
    tagId: { type: String, required: true },
    name: { type: String, required: true },
    order: { type: Number, default: 0 },
    color: { type: String, enum: TAG_COLORS, default: 'blue' },
    createdAt: { type: Date },
  },
  { _id: false },
);

/**
 * A WeCom corp tag group (企业微信标签, R-7.3.1) with its tags embedded, as WeCom lists them. Synced both ways:
 * ids are WeCom's `et…` ids; `order` larger first, as in WeCom; colours are ours.
 */
const corpTagGroupSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    name: { type: String, required: true },
    order: { type: Number, default: 0 },
    tags: { type: [corpTagSchema], default: [] },
    lastSeenAt: { type: Date },
  },
  { timestamps: true },
);
corpTagGroupSchema.plugin(tenantScopePlugin);
corpTagGroupSchema.index({ tenantId: 1, groupId: 1 }, { unique: true });
corpTagGroupSchema.index({ tenantId: 1, 'tags.tagId': 1 });
corpTagGroupSchema.index({ tenantId: 1, order: -1 });

export type CorpTagGroup = InferSchemaType<typeof corpTagGroupSchema>;
export const CorpTagGroupModel = model('CorpTagGroup', corpTagGroupSchema, 'corp_tag_groups');
