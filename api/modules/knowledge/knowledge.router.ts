import { Router } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import {
  KNOWLEDGE_KIND_LABELS,
  KNOWLEDGE_KINDS,
  h5KnowledgeQuerySchema,
  knowledgeCategoryCreateSchema,
  knowledgeCategoryMoveSchema,
  knowledgeCategoryNodeSchema,
  knowledgeCategoryParamsSchema,
  knowledgeCategoryRenameSchema,
  knowledgeItemParamsSchema,
  knowledgeItemSchema,
  knowledgeKindParamsSchema,
  knowledgeListQuerySchema,
  knowledgePageSchema,
  knowledgeTreeSchema,
  knowledgeUseResultSchema,
  knowledgeUseSchema,
  linkInputSchema,
  linkPreviewQuerySchema,
  linkPreviewSchema,
  phraseInputSchema,
  scriptInputSchema,
  type KnowledgeKind,
} from '../../../lib/contracts/knowledge.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import {
  createCategory,
  deleteKnowledgeCategory,
  knowledgeTree,
  knowledgeTrees,
  moveKnowledgeCategory,
  renameKnowledgeCategory,
} from './knowledge-categories.use-case';
import {
  createKnowledgeItem,
  deleteKnowledgeItem,
  editKnowledgeItem,
  knowledgeItem,
  listKnowledgeItems,
  searchKnowledgeForPanel,
  useKnowledgeItem,
  type KnowledgeInput,
} from './knowledge-items.use-case';
import { previewLink } from './link-preview';

const MENU = 'material.knowledge';

const INPUT_SCHEMAS = {
  scripts: scriptInputSchema,
  phrases: phraseInputSchema,
  links: linkInputSchema,
} as const;

/**
 * 素材管理 → 知识库 → 公共知识库: each library's category tree (R-4.1.1-01…07), its items (新建 / 编辑 /
 * 查看 / 删除, the list), a link's card read from its page, and the H5 side panel's search, trees and 使用次数.
 */
export function createKnowledgeRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['knowledge'], authenticated: true as const, guards: [authenticate] };
  const treeResponse = { 200: { description: 'The tree', schema: knowledgeTreeSchema } };
  const nodeResponse = { 200: { description: 'The category', schema: knowledgeCategoryNodeSchema } };
  const itemResponse = { 200: { description: 'The item', schema: knowledgeItemSchema } };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/knowledge/link-preview',
      permission: [`${MENU}.create`, `${MENU}.edit`],
      summary:
        '常用链接: the card (title, description, cover) read from the page; empty when it cannot be read',
      request: { query: linkPreviewQuerySchema },
      responses: { 200: { description: 'The card', schema: linkPreviewSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await previewLink(query.url, { allowPrivate: app.config.linkPreviewAllowPrivate }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/knowledge/:kind/tree',
      permission: MENU,
      summary: 'A library’s category tree (未分类 included) and the items directly in each category',
      request: { params: knowledgeKindParamsSchema },
      responses: treeResponse,
    },
    async ({ params }, req, res) => {
      res.json(await knowledgeTree(callerOf(req, res), params.kind, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/knowledge/:kind/categories',
      permission: `${MENU}.create`,
      summary:
        '添加子菜单 (parentId null: a first-level category), last among its siblings; at most 4 levels',
      request: { params: knowledgeKindParamsSchema, body: knowledgeCategoryCreateSchema },
      responses: {
        201: { description: 'Created', schema: knowledgeCategoryNodeSchema },
        400: { description: 'Too deep, under 未分类, or a sibling has the name' },
      },
    },
    async ({ params, body }, req, res) => {
      res.status(201).json(await createCategory(callerOf(req, res), { kind: params.kind, ...body }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'patch',
      path: '/api/knowledge/:kind/categories/:categoryId',
      permission: `${MENU}.edit`,
      summary: '修改名称 (not 未分类)',
      request: { params: knowledgeCategoryParamsSchema, body: knowledgeCategoryRenameSchema },
      responses: nodeResponse,
    },
    async ({ params, body }, req, res) => {
      res.json(await renameKnowledgeCategory(callerOf(req, res), { ...params, ...body }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/knowledge/:kind/categories/:categoryId/position',
      permission: `${MENU}.edit`,
      summary:
        'Drag: the category (and all below it) to `index` under `parentId`, within 4 levels; answers the tree',
      request: { params: knowledgeCategoryParamsSchema, body: knowledgeCategoryMoveSchema },
      responses: {
        200: { description: 'The categories after the move', schema: z.array(knowledgeCategoryNodeSchema) },
      },
    },
    async ({ params, body }, req, res) => {
      res.json(await moveKnowledgeCategory(callerOf(req, res), { ...params, ...body }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/knowledge/:kind/categories/:categoryId',
      permission: `${MENU}.delete`,
      summary: '删除 a category without sub-categories or items (not 未分类)',
      request: { params: knowledgeCategoryParamsSchema },
      responses: {
        204: { description: 'Deleted' },
        409: { description: '请先清除该分类下内容再进行删除' },
      },
    },
    async ({ params }, req, res) => {
      await deleteKnowledgeCategory(callerOf(req, res), params, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/knowledge/:kind/items',
      permission: MENU,
      summary: 'A library’s list: the category and its descendants, keyword, by 最近更新时间 or 使用次数',
      request: { params: knowledgeKindParamsSchema, query: knowledgeListQuerySchema },
      responses: { 200: { description: 'A page of items', schema: knowledgePageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await listKnowledgeItems(callerOf(req, res), params.kind, query, app));
    },
  );

  // Each library's form has its own fields: one create and one edit route per kind.
  for (const kind of KNOWLEDGE_KINDS) registerItemWrites(kind);

  function registerItemWrites(kind: KnowledgeKind) {
    const label = KNOWLEDGE_KIND_LABELS[kind];
    const body = INPUT_SCHEMAS[kind];
    const input = (value: unknown) => ({ kind, input: value }) as KnowledgeInput;
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'post',
        path: `/api/knowledge/${kind}/items`,
        permission: `${MENU}.create`,
        summary: `新建 (${label}); no category: 未分类`,
        request: { body },
        responses: { 201: { description: 'Created', schema: knowledgeItemSchema } },
      },
      async ({ body: value }, req, res) => {
        res.status(201).json(await createKnowledgeItem(callerOf(req, res), input(value), app));
      },
    );
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'put',
        path: `/api/knowledge/${kind}/items/:itemId`,
        permission: `${MENU}.edit`,
        summary: `编辑 (${label})`,
        request: { params: knowledgeItemParamsSchema, body },
        responses: itemResponse,
      },
      async ({ params, body: value }, req, res) => {
        res.json(await editKnowledgeItem(callerOf(req, res), params.itemId, input(value), app));
      },
    );
  }

  const itemParams = knowledgeKindParamsSchema.extend(knowledgeItemParamsSchema.shape);

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/knowledge/:kind/items/:itemId',
      permission: MENU,
      summary: '查看 an item',
      request: { params: itemParams },
      responses: itemResponse,
    },
    async ({ params }, req, res) => {
      res.json(await knowledgeItem(callerOf(req, res), params.kind, params.itemId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/knowledge/:kind/items/:itemId',
      permission: `${MENU}.delete`,
      summary: '删除 an item',
      request: { params: itemParams },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      await deleteKnowledgeItem(callerOf(req, res), params.kind, params.itemId, app);
      res.status(204).end();
    },
  );

  const h5 = { ...common, tags: ['h5'], permission: MENU };

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'get',
      path: '/api/h5/knowledge',
      summary: 'H5 知识库: search across the three libraries, or one library or category; newest first',
      request: { query: h5KnowledgeQuerySchema },
      responses: { 200: { description: 'A page of items', schema: knowledgePageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await searchKnowledgeForPanel(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'get',
      path: '/api/h5/knowledge/trees',
      summary: 'H5 知识库: the three libraries’ category trees, to browse by category',
      responses: { 200: { description: 'The trees', schema: z.array(knowledgeTreeSchema) } },
    },
    async (_input, req, res) => {
      res.json(await knowledgeTrees(callerOf(req, res), app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'post',
      path: '/api/h5/knowledge/:itemId/use',
      summary: 'H5 知识库: 发送 or 复制 pressed; adds 1 to 使用次数 once per actionId',
      request: { params: knowledgeItemParamsSchema, body: knowledgeUseSchema },
      responses: { 200: { description: 'The count now', schema: knowledgeUseResultSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await useKnowledgeItem(callerOf(req, res), { ...params, ...body }, app));
    },
  );

  return router;
}
