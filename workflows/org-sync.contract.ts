/** orgSyncWorkflow's input and result (org-sync.workflow.ts), shared with its Schedule and 同步 button. */
export interface OrgSyncInput {
  tenantId: string;
  trigger: 'manual' | 'schedule' | 'initial';
}

export interface OrgSyncResult {
  departments: number;
  staff: number;
}
