import { InferSchemaType, Schema, model } from 'mongoose';
import { TAG_COLORS } from '../contracts/tags.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

export type TagColor = (typeof TAG_COLORS)[number];

const corpTagSchema = new Schema(
  {
    tagId: { type: String, required: true },
    name: { type: String, required: true },
    order: { type: Number, default: 0 },
    color: { type: String, enum: TAG_COLORS, default: 'blue' },
    createdAt: { type: Date },
    /** The `pending-…` id a tag created here had until WeCom gave it its `et…` id (see lib/tags). */
    localId: { type: String },
    /** True until WeCom has created the tag. */
    pending: { type: Boolean },
    /** Why WeCom refused the last write of this tag (shown in 标签管理). */
    writeError: { type: String },
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
    /** As on tags: the `pending-…` id of a group created here, whether WeCom has it, and its last refusal. */
    localId: { type: String },
    pending: { type: Boolean },
    writeError: { type: String },
  },
  { timestamps: true },
);
corpTagGroupSchema.plugin(tenantScopePlugin);
corpTagGroupSchema.index({ tenantId: 1, groupId: 1 }, { unique: true });
corpTagGroupSchema.index({ tenantId: 1, 'tags.tagId': 1 });
corpTagGroupSchema.index({ tenantId: 1, order: -1 });

export type CorpTagGroup = InferSchemaType<typeof corpTagGroupSchema>;
export const CorpTagGroupModel = model('CorpTagGroup', corpTagGroupSchema, 'corp_tag_groups');
