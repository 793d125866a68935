import { Schema } from 'mongoose';

/**
 * The state of a local edit on its way to WeCom, kept on the department or staff record itself so the
 * tree and the staff list show it, and so the sync knows which fields not to overwrite (see
 * lib/org/pending-fields.ts). Absent once WeCom has the edit.
 */
export const writeBackStateSchema = new Schema(
  {
    /** The latest OrgChange touching this record. */
    changeId: { type: String, required: true },
    status: { type: String, enum: ['pending', 'failed'], required: true },
    op: { type: String, enum: ['create', 'update', 'delete'], required: true },
    /** Local field names with an edit not yet in WeCom. */
    fields: { type: [String], default: [] },
    errcode: { type: Number },
    message: { type: String },
  },
  { _id: false },
);
