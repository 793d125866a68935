import { Router } from 'express';
import { customerSideSyncStartedSchema } from '../../../lib/contracts/customer-sync.contract';
import { syncStatusSchema } from '../../../lib/contracts/org.contract';
import type { CustomerSideSyncKind } from '../../../lib/temporal/customer-sync-schedule';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { manualSyncStatus, startManualSync } from '../manual-sync/manual-sync.use-case';

/** Each 同步 button: its path, the page's permission to read the status and the button's own to press it. */
const SYNC_BUTTONS: Array<{
  kind: CustomerSideSyncKind;
  path: string;
  read: string;
  press: string;
}> = [
  {
    kind: 'customers',
    path: '/api/customers/sync',
    read: 'customer.customers',
    press: 'customer.customers.sync',
  },
  {
    kind: 'customer-groups',
    path: '/api/customer-groups/sync',
    read: 'customer.groups',
    press: 'customer.groups.sync',
  },
  {
    kind: 'corp-tags',
    path: '/api/tags/sync',
    read: 'system.tags',
    press: 'system.tags.sync',
  },
];

/** The 同步 buttons of the customer, customer-group and tag pages (R-3.2.1-02). */
export function createCustomerSyncRouter({ registry, authenticate, temporal }: AppContext): Router {
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
      async (_input, req, res) => {
        res.json(await manualSyncStatus(callerOf(req, res), button));
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
        const started = await startManualSync(callerOf(req, res), button, { temporal });
        res.status(202).location(button.path).json(started);
      },
    );
  }
  return router;
}
