import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A member (customer or 客户群) that entered a plan's audience, once: `_id` is `<planId>|<memberId>`, so
 * leaving and entering again (a tag removed and added) enters nobody twice, and a retried scan writes nothing
 * twice. `enteredAt` is 满足条件 (I-113), from which the member's reminders count.
 */
const sopEnrollmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    memberId: { type: String, required: true },
    enteredAt: { type: Date, required: true },
  },
  { versionKey: false },
);
sopEnrollmentSchema.plugin(tenantScopePlugin);

export type SopEnrollment = InferSchemaType<typeof sopEnrollmentSchema>;
export const SopEnrollmentModel = model('SopEnrollment', sopEnrollmentSchema, 'sop_enrollments');
