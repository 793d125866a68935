import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * The outbox of 标签管理's writes to WeCom (I-105): each write is saved here `saving` before its local change,
 * turns `pending` once the change is saved and is handed to the tenant's corp-tag-writes workflow, which marks it
 * `applied` once WeCom has it (or refused it). A change saved while Temporal was unreachable stays pending and is
 * handed over again (lib/tags/wake-corp-tag-writer.ts).
 * `_id` = the write's `writeId`.
 */
const corpTagWriteSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    /** The CorpTagWrite (lib/tags/corp-tag-writes.ts). */
    write: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: ['saving', 'pending', 'applied'], default: 'pending' },
  },
  { timestamps: true },
);
corpTagWriteSchema.plugin(tenantScopePlugin);
corpTagWriteSchema.index({ tenantId: 1, status: 1, createdAt: 1 });

export type CorpTagWriteRow = InferSchemaType<typeof corpTagWriteSchema>;
export const CorpTagWriteModel = model('CorpTagWrite', corpTagWriteSchema, 'corp_tag_writes');
