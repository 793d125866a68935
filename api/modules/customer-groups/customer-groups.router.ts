import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
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
import {
  noChatArchiveYet,
  type GroupMessageCounter,
} from '../../../lib/customer-groups/group-message-counts';
import type { ListSearch } from '../../../lib/search/list-read-model';
import { sessionOf } from '../../auth/session';
import { callerScope } from '../../auth/caller-scope';
import { defineRoute } from '../../http/define-route';
import { declareListColumnsRoutes } from '../list-columns/list-columns.routes';
import { listColumnsStore } from '../list-columns/list-columns.use-case';
import { listCustomerGroups } from './group-list.use-case';
import { customerGroupPortrait, groupMessageTrend } from './group-portrait.use-case';
import { setCustomerGroupTags, tagCustomerGroups } from './group-tagging.use-case';

const groupColumns = listColumnsStore('groupColumns', GROUP_COLUMN_CATALOGUE);

/** 客户管理 → 客户群: the list, 打标签 with 群标签, and the 群画像. Scoped by 群主 (I-104). */
export function createCustomerGroupsRouter(
  registry: OpenAPIRegistry,
  authenticate: RequestHandler,
  search: ListSearch,
  messageCounter: GroupMessageCounter = noChatArchiveYet,
): Router {
  const router = Router();
  const common = { tags: ['customer-groups'], authenticated: true as const, guards: [authenticate] };
  const scopeOf = callerScope;

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-groups',
      permission: 'customer.groups',
      summary: '客户群列表: search, filters (群主, 群标签, 最近沟通时间, 创建时间), newest first, paginated',
      request: { query: customerGroupListQuerySchema },
      responses: { 200: { description: 'A page of customer groups', schema: customerGroupPageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listCustomerGroups(search, sessionOf(res).tenantId, query, await scopeOf(res)));
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
      const tagger = { ...sessionOf(res), scope: await scopeOf(res), ip: req.ip };
      res.json(await tagCustomerGroups(search, tagger, body.chatIds, body.tagIds));
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
      const tagger = { ...sessionOf(res), scope: await scopeOf(res), ip: req.ip };
      await setCustomerGroupTags(search, tagger, params.chatId, body.tagIds);
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
    async ({ params }, _req, res) => {
      res.json(await customerGroupPortrait(sessionOf(res).tenantId, await scopeOf(res), params.chatId));
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
    async ({ params, query }, _req, res) => {
      res.json(
        await groupMessageTrend(
          messageCounter,
          sessionOf(res).tenantId,
          await scopeOf(res),
          params.chatId,
          query.days,
        ),
      );
    },
  );

  return router;
}
