/** sensitiveNoticeWorkflow's input (sensitive-notice.workflow.ts), shared with the archive ingest. */
export interface SensitiveNoticeInput {
  tenantId: string;
  /** The alert rows one chat message (or one 删除好友) raised. */
  alertIds: string[];
}
