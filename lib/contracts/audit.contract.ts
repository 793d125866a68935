import { pageOf, paginationQuerySchema, z } from './common.contract';

/** What the audit log records (issue 3); lib/models/audit-log.model.ts stores these, the admin names them. */
export const AUDIT_ACTIONS = [
  'login',
  'system-access.enable',
  'system-access.disable',
  'org-sync.manual',
  'customer-sync.manual',
  'department.create',
  'department.rename',
  'department.move',
  'department.delete',
  'staff.create',
  'staff.update',
  'staff.delete',
  'wecom-binding.update',
  'password.change',
  'role.create',
  'role.update',
  'role.delete',
  'staff.role',
  'staff.password-reset',
  'customer.edit',
  'customer.tag',
  'customer.enterprise.edit',
  'tag-group.create',
  'tag-group.edit',
  'tag-group.delete',
  'tag-group.reorder',
  'tag.create',
  'tag.edit',
  'tag.delete',
  'tag.reorder',
  'customer-group.tag',
  'contact-record.delete',
  // Written by the H5 side panel's edit before it shared 客户详情's `customer.edit`; kept for those rows.
  'customer.profile.update',
  'staff-code.create',
  'staff-code.update',
  'staff-code.delete',
  'welcome.create',
  'welcome.update',
  'welcome.delete',
  'group-code.delete',
  'sensitive-rule.create',
  'sensitive-rule.update',
  'sensitive-rule.switch',
  'sensitive-rule.delete',
  'sensitive-behavior-settings.update',
  'loss-alert-settings.update',
  'sensitive-alert.review',
  'mass-send.create',
  'mass-send.update',
  'mass-send.delete',
  'mass-send.cancel',
  'handover.create',
  'knowledge-category.create',
  'knowledge-category.rename',
  'knowledge-category.move',
  'knowledge-category.delete',
  'knowledge-item.create',
  'knowledge-item.update',
  'knowledge-item.delete',
  'sop-plan.create',
  'sop-plan.update',
  'sop-plan.switch',
  'sop-plan.delete',
  'analytics.backfill',
  'udesk-integration.update',
  'udesk-integration.switch',
] as const;

export const auditListQuerySchema = paginationQuerySchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
});

export const auditEntrySchema = z
  .object({
    at: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ staffId: z.string(), name: z.string() }),
    target: z.object({ type: z.string(), id: z.string(), name: z.string() }).nullable(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    ip: z.string().optional(),
  })
  .openapi('AuditEntry');

export const auditPageSchema = pageOf(auditEntrySchema).openapi('AuditPage');

export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
