import { Router } from 'express';
import {
  handoverDetailSchema,
  handoverInputSchema,
  handoverParamsSchema,
  handoverRefreshSchema,
  resignedCustomerPageSchema,
  resignedCustomerQuerySchema,
} from '../../../lib/contracts/handover.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { createHandover, handoverDetail, listResignedCustomers, refreshHandover } from './handover.use-case';

const RESIGNED = 'customer.handovers';
const ONJOB = 'customer.onjob-transfers';

/** 客户管理 → 离职继承 / 在职继承 (issue 19): the customers waiting for a successor, 分配, and where it stands. */
export function createHandoversRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['handovers'], authenticated: true as const, guards: [authenticate] };
  const detail = { description: 'The handover', schema: handoverDetailSchema };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/handovers/resigned-customers',
      permission: RESIGNED,
      summary: '待分配的离职成员客户: by 原跟进成员 and 离职日期, as WeCom lists them now',
      request: { query: resignedCustomerQuerySchema },
      responses: { 200: { description: 'A page of customers', schema: resignedCustomerPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listResignedCustomers(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/handovers',
      permission: [`${RESIGNED}.transfer`, `${ONJOB}.transfer`],
      summary: '分配: hand customers (≤1000, sent to WeCom 100 at a time) and groups to a successor',
      request: { body: handoverInputSchema },
      responses: { 202: detail, 503: { description: '继承服务暂不可用' } },
    },
    async ({ body }, req, res) => {
      const caller = callerOf(req, res);
      const created = await createHandover(caller, body, app);
      res.status(202).location(`/api/handovers/${created.id}`).json(created);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/handovers/:handoverId',
      permission: [RESIGNED, ONJOB],
      summary:
        '继承详情: each customer’s status (等待接替, 接替完毕, 客户拒绝, 接替成员客户数已达上限, 未能发起)',
      request: { params: handoverParamsSchema },
      responses: { 200: detail, 404: { description: '继承记录不存在' } },
    },
    async ({ params }, req, res) => {
      res.json(await handoverDetail(callerOf(req, res), params.handoverId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/handovers/:handoverId/refresh',
      permission: [RESIGNED, ONJOB],
      summary: '刷新: read WeCom’s transfer results now rather than at the next hourly poll',
      request: { params: handoverParamsSchema },
      responses: {
        202: { description: 'Whether a poll was asked for', schema: handoverRefreshSchema },
        404: { description: '继承记录不存在' },
      },
    },
    async ({ params }, req, res) => {
      res.status(202).json(await refreshHandover(callerOf(req, res), params.handoverId, app));
    },
  );

  return router;
}
