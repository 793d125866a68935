import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { auditListQuerySchema, auditPageSchema } from '../../../lib/contracts/audit.contract';
import { AuditLogModel } from '../../../lib/models/audit-log.model';
import { sessionOf } from '../../auth/session';
import { unmappedIp } from '../../http/client-ip';
import { defineRoute } from '../../http/define-route';

/** The audit log, newest first, one page at a time. */
export function createAuditRouter(registry: OpenAPIRegistry, authenticate: RequestHandler): Router {
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/audit-logs',
      summary: 'Who changed what: logins, 开启/关闭系统, manual syncs (newest first)',
      tags: ['audit'],
      authenticated: true,
      permission: 'system.audit-logs',
      guards: [authenticate],
      request: { query: auditListQuerySchema },
      responses: { 200: { description: 'A page of audit entries', schema: auditPageSchema } },
    },
    async ({ query }, _req, res) => {
      const filter = { tenantId: sessionOf(res).tenantId, ...(query.action ? { action: query.action } : {}) };
      const [rows, total] = await Promise.all([
        AuditLogModel.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean(),
        AuditLogModel.countDocuments(filter),
      ]);
      res.json({
        items: rows.map((row) => ({
          at: row.at.toISOString(),
          action: row.action,
          actor: { staffId: row.actor?.staffId ?? '', name: row.actor?.name ?? '' },
          target: row.target?.id
            ? { type: row.target.type ?? '', id: row.target.id, name: row.target.name ?? '' }
            : null,
          before: row.before,
          after: row.after,
          // Rows written before recordAudit unmapped the address still hold `::ffff:…`.
          ip: row.ip ? unmappedIp(row.ip) : undefined,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      });
    },
  );
  return router;
}
