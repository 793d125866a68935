import { Router } from 'express';
import {
  customerColumnsSchema,
  customerColumnsViewSchema,
  customerDetailSchema,
  customerEditSchema,
  customerEnterpriseEditSchema,
  customerListQuerySchema,
  customerOptionsSchema,
  customerPageSchema,
  customerParamsSchema,
  customerTaggingRequestSchema,
  taggingJobParamsSchema,
  taggingJobSchema,
} from '../../../lib/contracts/customer.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { declareListColumnsRoutes } from '../list-columns/list-columns.routes';
import { customerColumns } from './customer-columns.use-case';
import { customerDetail } from './customer-detail.use-case';
import { customerOptions } from './customer-options.use-case';
import { editCustomerDetail } from './customer-edit.use-case';
import { editCustomerEnterprise } from './customer-enterprise.use-case';
import { listCustomers } from './customer-list.use-case';
import { taggingJob, tagListedCustomers } from './customer-tagging.use-case';

/** 客户管理 → 客户: the list, its columns, 打标签 and 客户详情, all inside 数据权限 (I-104). */
export function createCustomersRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['customers'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers',
      // 在职继承 chooses a member's customers from this list, with its filters.
      permission: ['customer.customers', 'customer.onjob-transfers'],
      summary: '客户列表: search, 高级搜索, newest added first, 20 a page; the total is capped at 10000',
      request: { query: customerListQuerySchema },
      responses: { 200: { description: 'A page of customers', schema: customerPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listCustomers(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers/options',
      // 在职继承 chooses a member's customers from this list, with its filters.
      permission: ['customer.customers', 'customer.onjob-transfers'],
      summary: 'The list’s pickers: corp tag groups, and the staff inside the caller’s 数据权限',
      responses: { 200: { description: 'Options', schema: customerOptionsSchema } },
    },
    async (_input, req, res) => {
      res.json(await customerOptions(callerOf(req, res)));
    },
  );

  declareListColumnsRoutes(registry, router, {
    path: '/api/customers/columns',
    permission: 'customer.customers',
    listName: '客户 list',
    tags: common.tags,
    authenticate,
    body: customerColumnsSchema,
    view: customerColumnsViewSchema,
    store: customerColumns,
  });

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/customers/tags',
      permission: 'customer.customers.tag',
      summary:
        '打标签: add/remove corp tags on chosen customers (or all matching a filter); written to WeCom',
      request: { body: customerTaggingRequestSchema },
      responses: { 202: { description: 'Saved; WeCom write-back under way', schema: taggingJobSchema } },
    },
    async ({ body }, req, res) => {
      const job = await tagListedCustomers(callerOf(req, res), body, app);
      res.status(202).location(`/api/customers/tag-jobs/${job.id}`).json(job);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers/tag-jobs/:jobId',
      permission: 'customer.customers.tag',
      summary: 'Progress of a 打标签 write-back to WeCom, with what WeCom refused',
      request: { params: taggingJobParamsSchema },
      responses: { 200: { description: 'The job', schema: taggingJobSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await taggingJob(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers/:externalUserid',
      permission: 'customer.customers',
      summary: '客户详情: basic info, relations, add events, 企业信息 with 相关客户 (404 outside 数据权限)',
      request: { params: customerParamsSchema },
      responses: { 200: { description: 'The customer', schema: customerDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await customerDetail(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'patch',
      path: '/api/customers/:externalUserid',
      permission: 'customer.customers.edit',
      summary: '编辑 客户详情: 企业名称/职务 (WeChat customers), 电话 and 客户来源',
      request: { params: customerParamsSchema, body: customerEditSchema },
      responses: { 200: { description: 'The customer after the edit', schema: customerDetailSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await editCustomerDetail(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/customers/:externalUserid/enterprise',
      permission: 'customer.customers.edit',
      summary:
        '编辑 企业信息: 联系电话…企业等级 for the customer’s company; a WeChat customer’s company names too',
      request: { params: customerParamsSchema, body: customerEnterpriseEditSchema },
      responses: { 200: { description: 'The customer after the edit', schema: customerDetailSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await editCustomerEnterprise(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  return router;
}
