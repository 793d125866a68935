import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import {
  addTagRequestSchema,
  editTagRequestSchema,
  renameTagGroupRequestSchema,
  reorderRequestSchema,
  tagGroupParamsSchema,
  tagKeyParamsSchema,
} from '../../../lib/contracts/tags.contract';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import type { CorpTagWriteQueueDeps } from './corp-tag-write-queue';
import type { ListSearch } from '../../../lib/search/list-read-model';
import { auditTagChange } from './tag-audit';
import { corpTagCatalogue, groupTagCatalogue, type TagCatalogue } from './tag-catalogues';

/**
 * 系统配置 → 标签管理: /api/tags/corp-… for 企业微信标签 (written through to WeCom),
 * /api/tags/group-… for 群标签 (local). Reading 群标签 is also open to 客户群 (its filter and 打标签).
 * Every change is in the audit log with the tag group before and after.
 */
export function createTagsRouter(
  registry: OpenAPIRegistry,
  queue: CorpTagWriteQueueDeps,
  authenticate: RequestHandler,
  search: ListSearch,
): Router {
  const router = Router();
  declareTagRoutes(registry, router, authenticate, corpTagCatalogue(queue));
  declareTagRoutes(registry, router, authenticate, groupTagCatalogue(search));
  return router;
}

/** The routes of one kind of tags: list, tag groups (create, rename, delete, order), tags (add, edit, delete, order). */
function declareTagRoutes<C extends z.ZodType>(
  registry: OpenAPIRegistry,
  router: Router,
  authenticate: RequestHandler,
  catalogue: TagCatalogue<C>,
): void {
  const { kind, title, writeNote } = catalogue;
  const common = { tags: ['tags'], authenticated: true as const, guards: [authenticate] };
  const groupResponse = { description: 'The tag group as saved', schema: catalogue.groupSchema };
  const listResponse = { description: 'Tag groups', schema: catalogue.listSchema };
  const groups = `/api/tags/${kind}-groups`;
  const actorOf = (res: Response, ip?: string) => ({ ...sessionOf(res), ip });
  const audit = (
    res: Response,
    ip: string | undefined,
    change: Omit<Parameters<typeof auditTagChange>[0], 'actor' | 'kind'>,
  ) => auditTagChange({ actor: actorOf(res, ip), kind, ...change });

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: groups,
      permission: catalogue.readPermission,
      summary: `${title}: tag groups with their tags, in their order`,
      responses: { 200: listResponse },
    },
    async (_input, _req, res) => {
      res.json({ items: await catalogue.list(sessionOf(res).tenantId) });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: groups,
      permission: 'system.tags.create',
      summary: `${title}: 添加标签组${writeNote}`,
      request: { body: catalogue.createBody },
      responses: { 201: { ...groupResponse, description: 'Created' } },
    },
    async ({ body }, req, res) => {
      const created = await catalogue.createGroup(sessionOf(res).tenantId, body);
      await audit(res, req.ip, { action: 'tag-group.create', before: null, after: created });
      res.status(201).json(created);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: `${groups}/:groupId`,
      permission: 'system.tags.edit',
      summary: `${title}: rename a tag group${writeNote}`,
      request: { params: tagGroupParamsSchema, body: renameTagGroupRequestSchema },
      responses: { 200: groupResponse },
    },
    async ({ params, body }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { groupKey: params.groupId });
      const after = await catalogue.renameGroup(tenantId, params.groupId, body.name);
      await audit(res, req.ip, { action: 'tag-group.edit', before, after });
      res.json(after);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: `${groups}/:groupId`,
      permission: 'system.tags.delete',
      summary: `${title}: delete a tag group; its tags leave everything tagged with them${writeNote}`,
      request: { params: tagGroupParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { groupKey: params.groupId });
      await catalogue.deleteGroup(tenantId, params.groupId);
      await audit(res, req.ip, { action: 'tag-group.delete', before, after: null });
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: `${groups}-order`,
      permission: 'system.tags.edit',
      summary: `${title}: drag order of the tag groups (first = top)${writeNote}`,
      request: { body: reorderRequestSchema },
      responses: { 200: listResponse },
    },
    async ({ body }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.list(tenantId);
      const after = await catalogue.reorderGroups(tenantId, body.ids);
      await audit(res, req.ip, { action: 'tag-group.reorder', before, after });
      res.json({ items: after });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: `${groups}/:groupId/tags`,
      permission: 'system.tags.create',
      summary: `${title}: 添加标签 (name and colour)${writeNote}`,
      request: { params: tagGroupParamsSchema, body: addTagRequestSchema },
      responses: { 201: groupResponse },
    },
    async ({ params, body }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { groupKey: params.groupId });
      const after = await catalogue.addTag(tenantId, params.groupId, body);
      await audit(res, req.ip, { action: 'tag.create', before, after });
      res.status(201).json(after);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: `${groups}/:groupId/tags-order`,
      permission: 'system.tags.edit',
      summary: `${title}: drag order of a group's tags (first = top)${writeNote}`,
      request: { params: tagGroupParamsSchema, body: reorderRequestSchema },
      responses: { 200: groupResponse },
    },
    async ({ params, body }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { groupKey: params.groupId });
      const after = await catalogue.reorderTags(tenantId, params.groupId, body.ids);
      await audit(res, req.ip, { action: 'tag.reorder', before, after });
      res.json(after);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: `/api/tags/${kind}-tags/:id`,
      permission: 'system.tags.edit',
      summary: `${title}: edit a tag (the "…" menu): name and/or colour${writeNote}`,
      request: { params: tagKeyParamsSchema, body: editTagRequestSchema },
      responses: { 200: groupResponse },
    },
    async ({ params, body }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { tagKey: params.id });
      const after = await catalogue.editTag(tenantId, params.id, body);
      await audit(res, req.ip, { action: 'tag.edit', before, after });
      res.json(after);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: `/api/tags/${kind}-tags/:id`,
      permission: 'system.tags.delete',
      summary: `${title}: delete a tag; it leaves everything tagged with it${writeNote}`,
      request: { params: tagKeyParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      const { tenantId } = sessionOf(res);
      const before = await catalogue.find(tenantId, { tagKey: params.id });
      await catalogue.deleteTag(tenantId, params.id);
      const after = before && (await catalogue.find(tenantId, { groupKey: before.id }));
      await audit(res, req.ip, { action: 'tag.delete', before, after });
      res.status(204).end();
    },
  );
}
