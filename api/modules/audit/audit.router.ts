import { Router } from 'express';
import { auditListQuerySchema, auditPageSchema } from '../../../lib/contracts/audit.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { listAuditLogs } from './audit-list.use-case';

/** The audit log, newest first, one page at a time. */
export function createAuditRouter({ registry, authenticate }: AppContext): Router {
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
    async ({ query }, req, res) => {
      res.json(await listAuditLogs(callerOf(req, res), query));
    },
  );
  return router;
}
