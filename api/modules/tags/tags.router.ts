import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import {
  addTagRequestSchema,
  corpTagGroupListSchema,
  corpTagGroupSchema,
  createCorpTagGroupRequestSchema,
  createGroupTagGroupRequestSchema,
  editTagRequestSchema,
  groupTagGroupListSchema,
  groupTagGroupSchema,
  renameTagGroupRequestSchema,
  reorderRequestSchema,
  tagGroupParamsSchema,
  tagKeyParamsSchema,
} from '../../../lib/contracts/tags.contract';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import type { CorpTagWriteQueueDeps } from './corp-tag-write-queue';
import * as corpTags from './corp-tags.use-case';
import * as groupTags from './group-tags.use-case';

/**
 * 系统配置 → 标签管理: /api/tags/corp-… for 企业微信标签 (written through to WeCom),
 * /api/tags/group-… for 群标签 (local). Reading 群标签 is also open to 客户群 (its filter and 打标签).
 */
export function createTagsRouter(
  registry: OpenAPIRegistry,
  queue: CorpTagWriteQueueDeps,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['tags'], authenticated: true as const, guards: [authenticate] };
  const corpGroup = { 200: { description: 'The tag group as saved', schema: corpTagGroupSchema } };
  const localGroup = { 200: { description: 'The tag group as saved', schema: groupTagGroupSchema } };
  const tenantOf = (res: Parameters<typeof sessionOf>[0]) => sessionOf(res).tenantId;

  // ---- 企业微信标签 ----
  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/tags/corp-groups',
      // Customers' tag pickers read them too.
      permission: ['system.tags', 'customer.customers', 'customer.groups'],
      summary: '企业微信标签: tag groups with their tags, larger order first (as WeCom)',
      responses: { 200: { description: 'Tag groups', schema: corpTagGroupListSchema } },
    },
    async (_input, _req, res) => {
      res.json({ items: await corpTags.listCorpTagGroups(tenantOf(res)) });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/tags/corp-groups',
      permission: 'system.tags.create',
      summary: 'Create a corp tag group with its first tags (WeCom has no empty groups); written through',
      request: { body: createCorpTagGroupRequestSchema },
      responses: { 201: { description: 'Saved; WeCom ids follow', schema: corpTagGroupSchema } },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await corpTags.createCorpTagGroup(queue, tenantOf(res), body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/corp-groups/:groupId',
      permission: 'system.tags.edit',
      summary: 'Rename a corp tag group; written through',
      request: { params: tagGroupParamsSchema, body: renameTagGroupRequestSchema },
      responses: corpGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await corpTags.renameCorpTagGroup(queue, tenantOf(res), params.groupId, body.name));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/tags/corp-groups/:groupId',
      permission: 'system.tags.delete',
      summary: 'Delete a corp tag group and its tags, also from every customer; written through',
      request: { params: tagGroupParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, _req, res) => {
      await corpTags.deleteCorpTagGroup(queue, tenantOf(res), params.groupId);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/corp-groups-order',
      permission: 'system.tags.edit',
      summary: 'Drag order of the corp tag groups (first = top); written through as WeCom order',
      request: { body: reorderRequestSchema },
      responses: { 200: { description: 'Tag groups', schema: corpTagGroupListSchema } },
    },
    async ({ body }, _req, res) => {
      res.json({ items: await corpTags.reorderCorpTagGroups(queue, tenantOf(res), body.ids) });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/tags/corp-groups/:groupId/tags',
      permission: 'system.tags.create',
      summary: '添加标签 to a corp tag group; written through',
      request: { params: tagGroupParamsSchema, body: addTagRequestSchema },
      responses: { 201: { description: 'The group as saved', schema: corpTagGroupSchema } },
    },
    async ({ params, body }, _req, res) => {
      res.status(201).json(await corpTags.addCorpTag(queue, tenantOf(res), params.groupId, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/corp-groups/:groupId/tags-order',
      permission: 'system.tags.edit',
      summary: 'Drag order of the tags in a corp tag group (first = top); written through',
      request: { params: tagGroupParamsSchema, body: reorderRequestSchema },
      responses: corpGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await corpTags.reorderCorpTags(queue, tenantOf(res), params.groupId, body.ids));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/corp-tags/:id',
      permission: 'system.tags.edit',
      summary: 'Rename a corp tag (written through) or change its colour (local)',
      request: { params: tagKeyParamsSchema, body: editTagRequestSchema },
      responses: corpGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await corpTags.editCorpTag(queue, tenantOf(res), params.id, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/tags/corp-tags/:id',
      permission: 'system.tags.delete',
      summary: 'Delete a corp tag, also from every customer; written through',
      request: { params: tagKeyParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, _req, res) => {
      await corpTags.deleteCorpTag(queue, tenantOf(res), params.id);
      res.status(204).end();
    },
  );

  // ---- 群标签 ----
  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/tags/group-groups',
      permission: ['system.tags', 'customer.groups'],
      summary: '群标签: local tag groups for customer groups, in drag order',
      responses: { 200: { description: 'Tag groups', schema: groupTagGroupListSchema } },
    },
    async (_input, _req, res) => {
      res.json({ items: await groupTags.listGroupTagGroups(tenantOf(res)) });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/tags/group-groups',
      permission: 'system.tags.create',
      summary: '添加标签组 (群标签)',
      request: { body: createGroupTagGroupRequestSchema },
      responses: { 201: { description: 'Created', schema: groupTagGroupSchema } },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await groupTags.createGroupTagGroup(tenantOf(res), body.name));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/group-groups/:groupId',
      permission: 'system.tags.edit',
      summary: 'Rename a 群标签 group',
      request: { params: tagGroupParamsSchema, body: renameTagGroupRequestSchema },
      responses: localGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await groupTags.renameGroupTagGroup(tenantOf(res), params.groupId, body.name));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/tags/group-groups/:groupId',
      permission: 'system.tags.delete',
      summary: 'Delete a 群标签 group; its tags leave every customer group',
      request: { params: tagGroupParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, _req, res) => {
      await groupTags.deleteGroupTagGroup(tenantOf(res), params.groupId);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/group-groups-order',
      permission: 'system.tags.edit',
      summary: 'Drag order of the 群标签 groups (first = top)',
      request: { body: reorderRequestSchema },
      responses: { 200: { description: 'Tag groups', schema: groupTagGroupListSchema } },
    },
    async ({ body }, _req, res) => {
      res.json({ items: await groupTags.reorderGroupTagGroups(tenantOf(res), body.ids) });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/tags/group-groups/:groupId/tags',
      permission: 'system.tags.create',
      summary: '添加标签 (群标签): name and colour',
      request: { params: tagGroupParamsSchema, body: addTagRequestSchema },
      responses: { 201: { description: 'The group as saved', schema: groupTagGroupSchema } },
    },
    async ({ params, body }, _req, res) => {
      res.status(201).json(await groupTags.addGroupTag(tenantOf(res), params.groupId, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/group-groups/:groupId/tags-order',
      permission: 'system.tags.edit',
      summary: 'Drag order of the tags of a 群标签 group (first = top)',
      request: { params: tagGroupParamsSchema, body: reorderRequestSchema },
      responses: localGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await groupTags.reorderGroupTags(tenantOf(res), params.groupId, body.ids));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/tags/group-tags/:id',
      permission: 'system.tags.edit',
      summary: 'Edit a 群标签 (the "…" menu): name and/or colour',
      request: { params: tagKeyParamsSchema, body: editTagRequestSchema },
      responses: localGroup,
    },
    async ({ params, body }, _req, res) => {
      res.json(await groupTags.editGroupTag(tenantOf(res), params.id, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/tags/group-tags/:id',
      permission: 'system.tags.delete',
      summary: 'Delete a 群标签; it leaves every customer group',
      request: { params: tagKeyParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, _req, res) => {
      await groupTags.deleteGroupTag(tenantOf(res), params.id);
      res.status(204).end();
    },
  );

  return router;
}
