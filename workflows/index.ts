// Every workflow the worker runs; the worker bundles this file.
export { orgSyncWorkflow } from './org-sync.workflow';
export { contactEventsWorkflow } from './contact-events.workflow';
export { orgWriteBackWorkflow } from './org-write-back.workflow';
export { tenantValidityWorkflow } from './tenant-validity.workflow';
export { corpTagWritesWorkflow } from './corp-tag-writes.workflow';
export { customerTaggingWorkflow } from './customer-tagging.workflow';
export { contactReminderWorkflow } from './contact-reminder.workflow';
export {
  customerSyncWorkflow,
  customerGroupSyncWorkflow,
  corpTagSyncWorkflow,
} from './customer-sync.workflow';
export { customerEventsWorkflow } from './customer-events.workflow';
export { archiveIngestWorkflow } from './archive-ingest.workflow';
export { archiveConsentSyncWorkflow } from './archive-consent.workflow';
export { chatSearchRebuildWorkflow } from './chat-search-rebuild.workflow';
export { listSearchOutboxWorkflow, listSearchRebuildWorkflow } from './list-search.workflow';
export { staffCodeSyncWorkflow } from './staff-code-sync.workflow';
export { newContactWelcomeWorkflow } from './new-contact-welcome.workflow';
export { groupWelcomeTemplateWorkflow } from './group-welcome-template.workflow';
export { groupCodeWorkflow } from './group-code.workflow';
export { sensitiveNoticeWorkflow } from './sensitive-notice.workflow';
export { sensitiveReviewWorkflow } from './sensitive-review.workflow';
export { massSendWorkflow } from './mass-send.workflow';
export { sopPlanWorkflow } from './sop-plan.workflow';
export { analyticsDailyRollupWorkflow, analyticsBackfillWorkflow } from './analytics-rollup.workflow';
export { handoverWorkflow } from './handover.workflow';
export { customerLossDigestWorkflow } from './customer-loss-digest.workflow';
