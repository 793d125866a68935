import { Router } from 'express';
import { paginationQuerySchema } from '../../../lib/contracts/common.contract';
import {
  createdStaffCodesSchema,
  createStaffCodeSchema,
  staffCodeAddPageSchema,
  staffCodeListQuerySchema,
  staffCodePageSchema,
  staffCodeParamsSchema,
  staffCodeSchema,
  staffCodeTrendQuerySchema,
  staffCodeTrendSchema,
  updateStaffCodeSchema,
} from '../../../lib/contracts/staff-codes.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { PREVIEW_PAGE_HTML, previewQrPng } from './staff-code-qr';
import {
  createStaffCodes,
  deleteStaffCode,
  listStaffCodes,
  staffCodeAdds,
  staffCodeQrImage,
  staffCodeTrend,
  staffCodeView,
  updateStaffCode,
} from './staff-codes.use-case';

const VIEW = 'acquisition.staff-codes';

/** 引流获客 → 员工活码: list, 新建 (批量单人/单人/多人), 编辑, 删除, 详情 with 扫码趋势, QR images. */
export function createStaffCodesRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['staff-codes'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes',
      permission: VIEW,
      summary: '员工活码 list in the caller’s 数据权限, newest first, with the manual’s filters',
      request: { query: staffCodeListQuerySchema },
      responses: { 200: { description: 'A page of codes', schema: staffCodePageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listStaffCodes(callerOf(req, res), query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/staff-codes',
      permission: `${VIEW}.create`,
      summary:
        '新建员工活码: one code (单人/多人) or one 单人 code per member (批量单人); WeCom’s way follows',
      request: { body: createStaffCodeSchema },
      responses: {
        201: { description: 'Saved; 联系我 is created by a workflow', schema: createdStaffCodesSchema },
      },
    },
    async ({ body }, req, res) => {
      const items = await createStaffCodes(callerOf(req, res), body, app);
      res.status(201).json({ items });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes/preview-qr',
      permission: VIEW,
      summary: 'The plain preview QR of an unsaved code (its scan says 二维码仅供预览)',
      responses: { 200: { description: 'PNG', contentType: 'image/png' } },
    },
    async (_input, _req, res) => {
      res.type('image/png').send(await previewQrPng(app.config.publicUrl));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes/:codeId',
      permission: VIEW,
      summary: '员工活码详情',
      request: { params: staffCodeParamsSchema },
      responses: { 200: { description: 'The code', schema: staffCodeSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await staffCodeView(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/staff-codes/:codeId',
      permission: `${VIEW}.edit`,
      summary: '编辑员工活码 (the kind stays); WeCom’s way is updated by the code’s workflow',
      request: { params: staffCodeParamsSchema, body: updateStaffCodeSchema },
      responses: { 200: { description: 'Saved', schema: staffCodeSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await updateStaffCode(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/staff-codes/:codeId',
      permission: `${VIEW}.delete`,
      summary: '删除员工活码; WeCom’s way is deleted by the code’s workflow',
      request: { params: staffCodeParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      await deleteStaffCode(callerOf(req, res), params, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes/:codeId/trend',
      permission: VIEW,
      summary: '扫码趋势: customers added through the code per day and in total',
      request: { params: staffCodeParamsSchema, query: staffCodeTrendQuerySchema },
      responses: { 200: { description: 'Per day', schema: staffCodeTrendSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await staffCodeTrend(callerOf(req, res), { ...query, ...params }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes/:codeId/adds',
      permission: VIEW,
      summary: 'Customers added through the code, newest first, with their welcome’s outcome',
      request: { params: staffCodeParamsSchema, query: paginationQuerySchema },
      responses: { 200: { description: 'A page of adds', schema: staffCodeAddPageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await staffCodeAdds(callerOf(req, res), { ...query, ...params }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/staff-codes/:codeId/qr',
      permission: VIEW,
      summary: '下载二维码: WeCom’s QR image of the code as a download',
      request: { params: staffCodeParamsSchema },
      responses: {
        200: { description: 'PNG', contentType: 'image/png' },
        409: { description: '二维码生成中' },
      },
    },
    async ({ params }, req, res) => {
      const { png, filename } = await staffCodeQrImage(callerOf(req, res), params);
      res.type('image/png').attachment(filename).send(png);
    },
  );

  return router;
}

/** The page a preview QR opens (public: scanned by a phone without a session). */
export function createQrPreviewRouter({ registry }: AppContext): Router {
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/public/qr-preview',
      tags: ['staff-codes'],
      authenticated: false,
      summary: 'What an unsaved code’s preview QR opens: 二维码仅供预览',
      responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    },
    async (_input, _req, res) => {
      res.type('text/html').send(PREVIEW_PAGE_HTML);
    },
  );
  return router;
}
