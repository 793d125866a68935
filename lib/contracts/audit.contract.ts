import { AUDIT_ACTIONS } from '../models/audit-log.model';
import { pageOf, paginationQuerySchema, z } from './common.contract';

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
