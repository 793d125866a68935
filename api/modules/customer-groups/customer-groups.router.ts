import { Router } from 'express';
import {
  bulkGroupTagRequestSchema,
  bulkGroupTagResultSchema,
  chatParamsSchema,
  customerGroupListQuerySchema,
  customerGroupPageSchema,
  customerGroupPortraitSchema,
  GROUP_COLUMN_CATALOGUE,
  groupColumnsSchema,
  groupColumnsViewSchema,
  groupTagsRequestSchema,
  messageTrendQuerySchema,
  messageTrendSchema,
} from '../../../lib/contracts/customer-groups.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { declareListColumnsRoutes } from '../list-columns/list-columns.routes';
import { listColumnsStore } from '../list-columns/list-columns.use-case';
import { listCustomerGroups } from './group-list.use-case';
import { customerGroupPortrait, groupMessageTrend } from './group-portrait.use-case';
import { setCustomerGroupTags, tagCustomerGroups } from './group-tagging.use-case';

const groupColumns = listColumnsStore('groupColumns', GROUP_COLUMN_CATALOGUE);

/** 客户管理 → 客户群: the list, 打标签 with 群标签, and the 群画像. Scoped by 群主 (I-104). */
export function createCustomerGroupsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['customer-groups'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-groups',
      // 在职继承 chooses a member's groups from this list.
      permission: ['customer.groups', 'customer.onjob-transfers'],
      summary: '客户群列表: search, filters (群主, 群标签, 最近沟通时间, 创建时间), newest first, paginated',
      request: { query: customerGroupListQuerySchema },
      responses: { 200: { description: 'A page of customer groups', schema: customerGroupPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listCustomerGroups(callerOf(req, res), query, app));
    },
  );

  declareListColumnsRoutes(registry, router, {
    path: '/api/customer-groups/columns',
    permission: 'customer.groups',
    listName: '客户群 list',
    tags: common.tags,
    authenticate,
    body: groupColumnsSchema,
    view: groupColumnsViewSchema,
    store: groupColumns,
  });

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/customer-groups/tags',
      permission: 'customer.groups.tag',
      summary: '批量打标签: add 群标签 to the chosen customer groups',
      request: { body: bulkGroupTagRequestSchema },
      responses: { 200: { description: 'How many groups were tagged', schema: bulkGroupTagResultSchema } },
    },
    async ({ body }, req, res) => {
      res.json(await tagCustomerGroups(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/customer-groups/:chatId/tags',
      permission: 'customer.groups.tag',
      summary: "Set one customer group's 群标签 (群画像's 群标签 edit)",
      request: { params: chatParamsSchema, body: groupTagsRequestSchema },
      responses: { 204: { description: 'Saved' } },
    },
    async ({ params, body }, req, res) => {
      await setCustomerGroupTags(callerOf(req, res), { ...body, ...params }, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-groups/:chatId/portrait',
      permission: 'customer.groups',
      summary: '群画像: intro, members inside and outside the corp, join scenes, 客户标签 word cloud',
      request: { params: chatParamsSchema },
      responses: { 200: { description: 'The portrait', schema: customerGroupPortraitSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await customerGroupPortrait(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-groups/:chatId/message-trend',
      permission: 'customer.groups',
      summary:
        "群画像's message trend, staff vs customers per day, last 7 or 30 days (zeros until the archive)",
      request: { params: chatParamsSchema, query: messageTrendQuerySchema },
      responses: { 200: { description: 'Messages per day', schema: messageTrendSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await groupMessageTrend(callerOf(req, res), { ...query, ...params }));
    },
  );

  return router;
}
