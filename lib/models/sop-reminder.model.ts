import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One member's reminder of one task, as scheduled: `_id` is `<planId>|<taskId>|<memberId>` (a task reaches a
 * member once). `slot` is `<planId>|<taskId>|<minute>` (epoch minute of `dueAt`): the engine fires a slot by
 * reading its reminders by that key, which is how members due in the same minute become one to-do per staff
 * member (I-118). Written once, never updated: what happened at fire time lives in sop_todos / sop_targets.
 */
const sopReminderSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    taskId: { type: String, required: true },
    memberId: { type: String, required: true },
    dueAt: { type: Date, required: true },
    slot: { type: String, required: true },
  },
  { versionKey: false },
);
sopReminderSchema.plugin(tenantScopePlugin);
sopReminderSchema.index({ tenantId: 1, slot: 1 });

export type SopReminder = InferSchemaType<typeof sopReminderSchema>;
export const SopReminderModel = model('SopReminder', sopReminderSchema, 'sop_reminders');
