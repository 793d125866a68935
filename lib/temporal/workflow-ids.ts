/**
 * Deterministic workflow and schedule ids: the business key is the id, so starting twice is harmless
 * and an operator can find a tenant's workflows by prefix in the Temporal UI.
 */
export const orgSyncScheduleId = (tenantId: string) => `org-sync/${tenantId}`;
export const orgSyncWorkflowId = (tenantId: string, syncRunId: string) => `org-sync/${tenantId}/${syncRunId}`;
export const contactEventsWorkflowId = (tenantId: string) => `contact-events/${tenantId}`;
export const orgWriteBackWorkflowId = (tenantId: string) => `org-write-back/${tenantId}`;
export const tenantValidityWorkflowId = (tenantId: string) => `tenant-validity/${tenantId}`;
export const corpTagWritesWorkflowId = (tenantId: string) => `corp-tag-writes/${tenantId}`;
export const customerTaggingWorkflowId = (tenantId: string, jobId: string) =>
  `customer-tagging/${tenantId}/${jobId}`;
/** One reminder workflow per 提醒事项 record (its @mentions at once, then its 定时提醒). */
export const contactReminderWorkflowId = (tenantId: string, recordId: string) =>
  `contact-reminder/${tenantId}/${recordId}`;
export const customerEventsWorkflowId = (tenantId: string) => `customer-events/${tenantId}`;
/** The customer-side syncs: `customers`, `customer-groups`, `corp-tags`, each with its Schedule. */
export const customerSideSyncScheduleId = (kind: string, tenantId: string) => `${kind}-sync/${tenantId}`;
export const customerSideSyncWorkflowId = (kind: string, tenantId: string, runKey: string) =>
  `${kind}-sync/${tenantId}/${runKey}`;
/** The chat-archive ingest: a Schedule per tenant, every minute. */
export const archiveIngestScheduleId = (tenantId: string) => `archive-ingest/${tenantId}`;
export const archiveIngestWorkflowId = (tenantId: string) => `archive-ingest/${tenantId}/scheduled`;
/** One review workflow per 敏感行为 alert row: its app messages once, then 审核 and 重新审核. */
export const sensitiveReviewWorkflowId = (tenantId: string, alertId: string) =>
  `sensitive-review/${tenantId}/${alertId}`;
