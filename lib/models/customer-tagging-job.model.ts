import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 打标签 action (R-3.1.1-03, I-43): the tags were saved on our customers at once; this row drives their
 * write-back to WeCom (mark_tag, one call per member × customer relation) by `customerTaggingWorkflow`, and
 * keeps what WeCom refused so the admin can show it.
 */
const taggingJobSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    actorStaffId: { type: String, required: true },
    addTagIds: { type: [String], default: [] },
    removeTagIds: { type: [String], default: [] },
    customers: { type: Number, required: true },
    relations: {
      type: [new Schema({ externalUserid: String, userid: String }, { _id: false })],
      default: [],
    },
    /** How many relations, from the start, have been written (or refused); the workflow's resume point. */
    written: { type: Number, default: 0 },
    failures: {
      type: [
        new Schema(
          { externalUserid: String, userid: String, errcode: Number, errmsg: String },
          { _id: false },
        ),
      ],
      default: [],
    },
    status: { type: String, enum: ['running', 'completed'], default: 'running' },
  },
  { timestamps: true },
);
taggingJobSchema.plugin(tenantScopePlugin);
taggingJobSchema.index({ tenantId: 1, createdAt: -1 });
// Syncs look for the jobs whose tags may not be in WeCom yet (lib/customers/pending-tag-changes.ts).
taggingJobSchema.index({ tenantId: 1, status: 1 });
taggingJobSchema.index({ tenantId: 1, updatedAt: -1 });

export type CustomerTaggingJob = InferSchemaType<typeof taggingJobSchema>;
export const CustomerTaggingJobModel = model('CustomerTaggingJob', taggingJobSchema, 'customer_tagging_jobs');
