import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * How far a tenant's chat archive has been ingested: the highest GetChatData seq whose messages are in both
 * MongoDB and Elasticsearch. It is written only after both, so a crash re-reads a batch instead of skipping it.
 * Beside it, for the WeCom health panel: when a batch last read the archive (even an empty one), why the
 * ingest is idle, and the last failed attempt (cleared by the next batch that succeeds).
 */
const archiveCursorSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    seq: { type: Number, required: true, default: 0 },
    updatedAt: { type: Date },
    checkedAt: { type: Date },
    idleReason: { type: String },
    lastError: { type: String },
    failedAt: { type: Date },
  },
  { timestamps: false, versionKey: false },
);
archiveCursorSchema.plugin(tenantScopePlugin);
archiveCursorSchema.index({ tenantId: 1 }, { unique: true });

export type ArchiveCursor = InferSchemaType<typeof archiveCursorSchema>;
export const ArchiveCursorModel = model('ArchiveCursor', archiveCursorSchema, 'archive_cursors');
