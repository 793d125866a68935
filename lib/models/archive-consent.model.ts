import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One customer's answer to one archived member's 会话存档 consent request (check_single_agree, API.md §15.4),
 * as the consent sync last read it. Only members with an archive seat have rows; a row the last complete sync
 * did not see (the seat or the relation is gone) is removed by that sync.
 */
const archiveConsentSchema = new Schema(
  {
    /** `<tenantId>:<userid>:<externalUserid>`: a sync read again writes the same row. */
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userid: { type: String, required: true },
    externalUserid: { type: String, required: true },
    status: { type: String, required: true, enum: ['Agree', 'Disagree', 'Default_Agree'] },
    /** Agree, or Default_Agree (corps whose archive needs no explicit consent): the chats may be shown. */
    agreed: { type: Boolean, required: true },
    /** WeCom's status_change_time; absent while the customer never answered. */
    changedAt: { type: Date },
    /** When a sync last read this pair; rows older than a complete sync's start are gone from WeCom. */
    syncedAt: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);
archiveConsentSchema.plugin(tenantScopePlugin);
// 按客户检索: the customers who agreed with some archived member (distinct externalUserid).
archiveConsentSchema.index({ tenantId: 1, agreed: 1, externalUserid: 1 });
// One member's rows, and the removal of rows a complete sync did not see.
archiveConsentSchema.index({ tenantId: 1, userid: 1, externalUserid: 1 });
archiveConsentSchema.index({ tenantId: 1, syncedAt: 1 });

export type ArchiveConsent = InferSchemaType<typeof archiveConsentSchema>;
export const ArchiveConsentModel = model('ArchiveConsent', archiveConsentSchema, 'archive_consents');
