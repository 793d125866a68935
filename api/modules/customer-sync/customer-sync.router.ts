import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler } from 'express';
import { customerSideSyncStartedSchema } from '../../../lib/contracts/customer-sync.contract';
import { syncStatusSchema } from '../../../lib/contracts/org.contract';
import type { CustomerSideSyncKind } from '../../../lib/temporal/customer-sync-schedule';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { manualSyncStatus, startManualSync } from '../manual-sync/manual-sync.use-case';

/** Each 同步 button: its path, the page's permission to read the status and the button's own to press it. */
const SYNC_BUTTONS: Array<{
  kind: CustomerSideSyncKind;
  path: string;
  read: string;
  press: string;
  name: string;
}> = [
  {
    kind: 'customers',
    path: '/api/customers/sync',
    read: 'customer.customers',
    press: 'customer.customers.sync',
    name: '客户同步',
  },
  {
    kind: 'customer-groups',
    path: '/api/customer-groups/sync',
    read: 'customer.groups',
    press: 'customer.groups.sync',
    name: '客户群同步',
  },
  {
    kind: 'corp-tags',
    path: '/api/tags/sync',
    read: 'system.tags',
    press: 'system.tags.sync',
    name: '企业微信标签同步',
  },
];

/** The 同步 buttons of the customer, customer-group and tag pages (R-3.2.1-02). */
export function createCustomerSyncRouter(
  registry: OpenAPIRegistry,
  temporal: { client: Client; taskQueue: string },
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['customer-sync'], authenticated: true as const, guards: [authenticate] };

  for (const button of SYNC_BUTTONS) {
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'get',
        path: button.path,
        permission: button.read,
        summary: `Latest ${button.kind} sync, its 最近更新 line and the manual sync quota`,
        responses: { 200: { description: 'Sync status', schema: syncStatusSchema } },
      },
      async (_input, _req, res) => {
        res.json(await manualSyncStatus(sessionOf(res).tenantId, button.kind));
      },
    );

    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'post',
        path: button.path,
        permission: button.press,
        summary: `Start a manual ${button.kind} sync (at most 2 a day, 10 minutes apart)`,
        responses: {
          202: { description: 'Sync started', schema: customerSideSyncStartedSchema },
          409: { description: 'A sync is running' },
          429: { description: 'Manual sync quota used up' },
        },
      },
      async (_input, req, res) => {
        const session = sessionOf(res);
        const started = await startManualSync(temporal, session.tenantId, button.kind);
        await recordAudit({
          tenantId: session.tenantId,
          actorStaffId: session.staffId,
          action: 'customer-sync.manual',
          target: { type: 'workflow', id: started.workflowId, name: button.name },
          ip: req.ip,
        });
        res.status(202).location(button.path).json(started);
      },
    );
  }
  return router;
}
