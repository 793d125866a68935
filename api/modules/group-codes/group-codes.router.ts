import { Router } from 'express';
import {
  createGroupCodeSchema,
  groupCodeColumnsSchema,
  groupCodeColumnsViewSchema,
  groupCodeDetailSchema,
  groupCodeImageParamsSchema,
  groupCodeImageSchema,
  groupCodeListQuerySchema,
  groupCodePageSchema,
  groupCodeParamsSchema,
  groupCodeQrQuerySchema,
  groupInputSchema,
  groupParamsSchema,
  landingSchema,
  publicGroupCodeParamsSchema,
  publicGroupParamsSchema,
  scanRequestSchema,
  scanResultSchema,
  updateGroupCodeSchema,
  uploadGroupCodeImageBodySchema,
  GROUP_CODE_IMAGE_HINT,
} from '../../../lib/contracts/group-code.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import {
  addGroup,
  createGroupCode,
  deleteGroup,
  deleteGroupCode,
  groupCodeDetailOf,
  groupCodeQrPng,
  updateGroup,
  updateGroupCode,
} from './group-code-edit.use-case';
import { openGroupCodeImage, receiveGroupCodeImage } from './group-code-image-upload';
import { landingOf, scanLanding, scannedGroupQr } from './group-code-landing.use-case';
import { groupCodeColumnsOf, listGroupCodes, saveGroupCodeColumns } from './group-code-list.use-case';

const VIEW = 'acquisition.group-codes';
const CREATE = 'acquisition.group-codes.create';
const EDIT = 'acquisition.group-codes.edit';
const DELETE = 'acquisition.group-codes.delete';

/** 引流获客 → 群活码: the admin's list, wizard and 管理实际群码, and the public landing page's api. */
export function createGroupCodesRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['group-codes'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/group-codes',
      permission: VIEW,
      summary:
        '群活码列表: keyword on 名称/活动场景, 活码状态, 创建时间; newest first, paginated, by 数据权限',
      request: { query: groupCodeListQuerySchema },
      responses: { 200: { description: 'A page of codes', schema: groupCodePageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listGroupCodes(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/group-codes/columns',
      permission: VIEW,
      summary: 'The caller’s chosen list columns, in their order',
      responses: { 200: { description: 'Columns', schema: groupCodeColumnsViewSchema } },
    },
    async (_input, req, res) => {
      res.json(await groupCodeColumnsOf(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/group-codes/columns',
      permission: VIEW,
      summary: 'Save the caller’s list columns and their order',
      request: { body: groupCodeColumnsSchema },
      responses: { 200: { description: 'Columns', schema: groupCodeColumnsViewSchema } },
    },
    async ({ body }, req, res) => {
      res.json(await saveGroupCodeColumns(callerOf(req, res), body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/group-code-images',
      permission: [CREATE, EDIT],
      summary: 'Uploads a 活码图片 or 实际群码 image (multipart field `file`, jpg/png, ≤ 2 MB)',
      request: { body: uploadGroupCodeImageBodySchema, bodyContentType: 'multipart/form-data' },
      responses: {
        201: {
          description: 'Stored; pass its fileId as iconFileId or qrFileId',
          schema: groupCodeImageSchema,
        },
        400: { description: GROUP_CODE_IMAGE_HINT },
      },
    },
    async (_input, req, res) => {
      res.status(201).json(await receiveGroupCodeImage(callerOf(req, res), req));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/group-code-images/:fileId',
      permission: VIEW,
      summary: 'An uploaded image of this tenant (previews in the admin)',
      request: { params: groupCodeImageParamsSchema },
      responses: { 200: { description: 'The image', contentType: 'image/png' } },
    },
    async ({ params }, req, res) => {
      const opened = await openGroupCodeImage(callerOf(req, res), params);
      res.setHeader('content-type', opened.contentType);
      res.setHeader('cache-control', 'private, max-age=86400');
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/group-codes',
      permission: CREATE,
      summary: '新建群活码 with its 实际群码 (steps 1 and 2 of the wizard); starts its rotation workflow',
      request: { body: createGroupCodeSchema },
      responses: { 201: { description: 'Created', schema: groupCodeDetailSchema } },
    },
    async ({ body }, req, res) => {
      res.status(201).json(await createGroupCode(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/group-codes/:codeId',
      permission: VIEW,
      summary: 'A code with its 实际群码, their scan counts and states',
      request: { params: groupCodeParamsSchema },
      responses: { 200: { description: 'The code', schema: groupCodeDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await groupCodeDetailOf(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/group-codes/:codeId',
      permission: EDIT,
      summary: '编辑 a code’s own fields (step 1)',
      request: { params: groupCodeParamsSchema, body: updateGroupCodeSchema },
      responses: { 200: { description: 'The code', schema: groupCodeDetailSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await updateGroupCode(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/group-codes/:codeId',
      permission: DELETE,
      summary: '删除 a code with its groups; its link then shows the invalid-code page',
      request: { params: groupCodeParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      await deleteGroupCode(callerOf(req, res), params, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/group-codes/:codeId/qr',
      permission: VIEW,
      summary: '下载: the live code as a PNG, its 活码图片 in the centre (`download=1` saves it as a file)',
      request: { params: groupCodeParamsSchema, query: groupCodeQrQuerySchema },
      responses: { 200: { description: 'The PNG', contentType: 'image/png' } },
    },
    async ({ params, query }, req, res) => {
      const { png, filename } = await groupCodeQrPng(callerOf(req, res), params, app);
      res.setHeader('content-type', 'image/png');
      if (query.download === '1') res.attachment(filename);
      res.end(png);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/group-codes/:codeId/groups',
      permission: [CREATE, EDIT],
      summary: '+ 添加实际群码 to an existing code',
      request: { params: groupCodeParamsSchema, body: groupInputSchema },
      responses: { 201: { description: 'The code', schema: groupCodeDetailSchema } },
    },
    async ({ params, body }, req, res) => {
      res.status(201).json(await addGroup(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/group-codes/:codeId/groups/:groupId',
      permission: EDIT,
      summary: '编辑 a 实际群码 (image, name, 有效期, 扫码限制次数, store)',
      request: { params: groupParamsSchema, body: groupInputSchema },
      responses: { 200: { description: 'The code', schema: groupCodeDetailSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await updateGroup(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/group-codes/:codeId/groups/:groupId',
      permission: EDIT,
      summary: '删除 a 实际群码 (the last one too, which turns the code 异常)',
      request: { params: groupParamsSchema },
      responses: { 200: { description: 'The code', schema: groupCodeDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await deleteGroup(callerOf(req, res), params, app));
    },
  );

  // The landing page (R-2.1.3-09) is public: whoever scans has no session. Its address names the tenant and
  // every read filters on it, so another tenant's code id finds nothing.
  const publicCommon = { tags: ['group-codes'], authenticated: false as const };

  defineRoute(
    registry,
    router,
    {
      ...publicCommon,
      method: 'get',
      path: '/api/public/group-codes/:tenantId/:codeId',
      summary: 'Landing page: the code’s name, guide text and strategy (no scan counted)',
      request: { params: publicGroupCodeParamsSchema },
      responses: {
        200: { description: 'The landing', schema: landingSchema },
        404: { description: '该群活码已失效' },
      },
    },
    async ({ params }, _req, res) => {
      res.json(await landingOf(params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...publicCommon,
      method: 'post',
      path: '/api/public/group-codes/:tenantId/:codeId/scans',
      summary: 'A scan: counts it and hands out a group by the code’s strategy (exact under concurrency)',
      request: { params: publicGroupCodeParamsSchema, body: scanRequestSchema },
      responses: { 200: { description: 'The group, or none', schema: scanResultSchema } },
    },
    async ({ params, body }, _req, res) => {
      res.json(await scanLanding({ ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...publicCommon,
      method: 'get',
      path: '/api/public/group-codes/:tenantId/:codeId/groups/:groupId/qr',
      summary: 'The uploaded group QR image a scan was given',
      request: { params: publicGroupParamsSchema },
      responses: { 200: { description: 'The image', contentType: 'image/png' } },
    },
    async ({ params }, _req, res) => {
      const opened = await scannedGroupQr(params);
      res.setHeader('content-type', opened.contentType);
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );

  return router;
}
