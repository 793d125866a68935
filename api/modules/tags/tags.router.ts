import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import type { z } from 'zod';
import {
  addTagRequestSchema,
  editTagRequestSchema,
  renameTagGroupRequestSchema,
  reorderRequestSchema,
  tagGroupParamsSchema,
  tagKeyParamsSchema,
} from '../../../lib/contracts/tags.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { corpTagCatalogue, groupTagCatalogue, type TagCatalogue } from './tag-catalogues';

/**
 * 系统配置 → 标签管理: /api/tags/corp-… for 企业微信标签 (written through to WeCom),
 * /api/tags/group-… for 群标签 (local). Reading 群标签 is also open to 客户群 (its filter and 打标签).
 * Every change is in the audit log with the tag group before and after.
 */
export function createTagsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  declareTagRoutes(registry, router, authenticate, corpTagCatalogue(app));
  declareTagRoutes(registry, router, authenticate, groupTagCatalogue(app));
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
    async (_input, req, res) => {
      res.json({ items: await catalogue.list(callerOf(req, res)) });
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
      res.status(201).json(await catalogue.createGroup(callerOf(req, res), body));
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
      res.json(await catalogue.renameGroup(callerOf(req, res), { ...body, ...params }));
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
      await catalogue.deleteGroup(callerOf(req, res), params);
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
      res.json({ items: await catalogue.reorderGroups(callerOf(req, res), body) });
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
      res.status(201).json(await catalogue.addTag(callerOf(req, res), { ...body, ...params }));
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
      res.json(await catalogue.reorderTags(callerOf(req, res), { ...body, ...params }));
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
      res.json(await catalogue.editTag(callerOf(req, res), { ...body, ...params }));
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
      await catalogue.deleteTag(callerOf(req, res), params);
      res.status(204).end();
    },
  );
}
