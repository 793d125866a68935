import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** What happened between a member and a customer; feeds statistics and the 删除好友 sensitive behaviour. */
export const CUSTOMER_EVENT_KINDS = [
  'added', // add_external_contact, or a relation first seen by a sync
  'half_added', // add_half_external_contact
  'deleted_by_staff', // del_external_contact
  // del_external_contact with Source DELETE_BY_TRANSFER: 在职继承 moved the customer to a colleague; not a lost
  // customer, not a 删除好友.
  'deleted_by_transfer',
  'deleted_by_customer', // del_follow_user
  'edited', // edit_external_contact
] as const;
export type CustomerEventKind = (typeof CUSTOMER_EVENT_KINDS)[number];

/**
 * One row per event. `_id` is the event's own key: an add is `added:<customer>:<userid>:<createtime>` (the
 * callback and a sync that discover the same add agree on it), every other event its callback inbox key, so a redelivered callback or a retried activity inserts nothing twice.
 */
const customerEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    externalUserid: { type: String, required: true },
    userid: { type: String, required: true },
    kind: { type: String, enum: CUSTOMER_EVENT_KINDS, required: true },
    at: { type: Date, required: true },
    /**
     * `at`'s China day (YYYY-MM-DD), set by every writer (recordCustomerEvents): the daily rollup reads a day's
     * events by equality on it, which FerretDB pushes down, where a range on `at` is not.
     */
    day: { type: String, required: true },
    /** The contact-way/live-code state for adds. */
    state: { type: String },
    addWay: { type: Number },
    /** `callback` or `sync`: how we learnt of it. */
    via: { type: String, enum: ['callback', 'sync'], required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
customerEventSchema.plugin(tenantScopePlugin);
customerEventSchema.index({ tenantId: 1, externalUserid: 1, at: -1 });
customerEventSchema.index({ tenantId: 1, kind: 1, at: -1 });
customerEventSchema.index({ tenantId: 1, userid: 1, at: -1 });
customerEventSchema.index({ tenantId: 1, day: 1 });

export type CustomerEvent = InferSchemaType<typeof customerEventSchema>;
export const CustomerEventModel = model('CustomerEvent', customerEventSchema, 'customer_events');
