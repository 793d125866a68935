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
/** The archive's consent sync (archived members, customers' answers): a Schedule per tenant. */
export const archiveConsentScheduleId = (tenantId: string) => `archive-consent/${tenantId}`;
export const archiveConsentWorkflowId = (tenantId: string) => `archive-consent/${tenantId}/scheduled`;
/** Indexes a tenant's 客户 / 客户群 / 敏感行为 rows whose write left them in the search outbox. */
export const listSearchOutboxWorkflowId = (tenantId: string) => `list-search-outbox/${tenantId}`;
/** Refills a new or wiped read model index (客户, 客户群, 敏感行为审核) from MongoDB; one per index name. */
export const listSearchRebuildWorkflowId = (index: string) => `list-search-rebuild/${index}`;
/** Refills a new or wiped chat index (内容存档 search) from MongoDB; one per index name. */
export const chatSearchRebuildWorkflowId = (index: string) => `chat-search-rebuild/${index}`;
/** One workflow per 员工活码 writes it to WeCom's 「联系我」 (add/update/del_contact_way). */
export const staffCodeSyncWorkflowId = (tenantId: string, codeId: string) =>
  `staff-code-sync/${tenantId}/${codeId}`;
/** One workflow per add_external_contact event (its inbox key): welcome, code tags, source. */
export const newContactWelcomeWorkflowId = (tenantId: string, inboxKey: string) =>
  `new-contact/${tenantId}/${inboxKey}`;
/** One workflow per 客户群欢迎语 writes it to WeCom's group welcome templates. */
export const groupWelcomeTemplateWorkflowId = (tenantId: string, welcomeId: string) =>
  `group-welcome/${tenantId}/${welcomeId}`;
/** One rotation workflow per 群活码: expiry timers, status recomputation and alerts to its creator. */
export const groupCodeWorkflowId = (tenantId: string, codeId: string) => `group-code/${tenantId}/${codeId}`;
/** One review workflow per 敏感行为 alert row: 审核 and 重新审核. */
export const sensitiveReviewWorkflowId = (tenantId: string, alertId: string) =>
  `sensitive-review/${tenantId}/${alertId}`;
/** One app-message workflow per chat message (or 删除好友 event) that raised 敏感行为 alerts. */
export const sensitiveNoticeWorkflowId = (tenantId: string, noticeKey: string) =>
  `sensitive-notice/${tenantId}/${noticeKey}`;
/** One 群发 from submission to the end of its result tracking (R-3.3, W-13). */
export const massSendWorkflowId = (tenantId: string, sendId: string) => `mass-send/${tenantId}/${sendId}`;
export const sopPlanWorkflowId = (tenantId: string, planId: string) => `sop-plan/${tenantId}/${planId}`;
/** 统计分析's nightly rollup of yesterday (W-16): a Schedule per tenant. */
export const analyticsRollupScheduleId = (tenantId: string) => `analytics-rollup/${tenantId}`;
export const analyticsRollupWorkflowId = (tenantId: string) => `analytics-rollup/${tenantId}/scheduled`;
/** 补算: one backfill per tenant at a time, so a second start while one runs is refused, not run twice. */
export const analyticsBackfillWorkflowId = (tenantId: string) => `analytics-backfill/${tenantId}`;
export const handoverWorkflowId = (tenantId: string, handoverId: string) =>
  `handover/${tenantId}/${handoverId}`;
/** 流失提醒: one digest per recipient per window (an hour), so at most one app message each in it. */
export const customerLossDigestWorkflowId = (tenantId: string, recipient: string, bucket: string) =>
  `customer-loss-digest/${tenantId}/${recipient}/${bucket}`;
