import { Router } from 'express';
import {
  onjobPreviewInputSchema,
  onjobPreviewSchema,
  resignedMemberPageSchema,
  resignedMemberQuerySchema,
} from '../../../lib/contracts/handover.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { previewOnjobHandover } from './onjob-preview';
import { listResignedMembers } from './resigned-members';

/**
 * 客户继承's reads before 分配 (issue 19): who a 离职继承 can be filtered by, and which customers an 在职继承
 * may hand over. Mounted before the handovers router, whose `/api/handovers/:handoverId` would take
 * `resigned-members` for an id.
 */
export function createHandoverChecksRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['handovers'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/handovers/resigned-members',
      permission: 'customer.handovers',
      summary: '离职成员 with customers waiting for a successor (the 原跟进成员 filter), by name or userid',
      request: { query: resignedMemberQuerySchema },
      responses: { 200: { description: 'A page of resigned members', schema: resignedMemberPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listResignedMembers(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/handovers/onjob/preview',
      permission: 'customer.onjob-transfers',
      summary:
        '在职继承 before 确定: which chosen customers WeCom would not transfer and why (not followed, already the successor’s, still waiting 24 h, twice in 90 days), and which chosen groups are not the member’s or dismissed',
      request: { body: onjobPreviewInputSchema },
      responses: {
        200: { description: 'Eligible and ineligible customers and groups', schema: onjobPreviewSchema },
      },
    },
    async ({ body }, req, res) => {
      res.json(await previewOnjobHandover(callerOf(req, res), body));
    },
  );

  return router;
}
