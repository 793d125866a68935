import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import { resolveStaffScope } from '../../../lib/access/data-scope';
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
import { openImage, readImage } from '../../../lib/group-codes/group-code-images';
import { groupCodeLandingUrl, renderGroupCodeQr } from '../../../lib/group-codes/group-code-qr';
import type { Logger } from '../../../lib/logger';
import { GroupCodeGroupModel } from '../../../lib/models/group-code-group.model';
import { GroupCodeModel } from '../../../lib/models/group-code.model';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import {
  addGroup,
  createGroupCode,
  deleteGroup,
  deleteGroupCode,
  groupCodeDetailOf,
  updateGroup,
  updateGroupCode,
  visibleGroupCode,
  type GroupCodeCaller,
} from './group-code-edit.use-case';
import { receiveGroupCodeImage } from './group-code-image-upload';
import { landingOf, scanLanding } from './group-code-landing.use-case';
import { groupCodeColumnsOf, listGroupCodes, saveGroupCodeColumns } from './group-code-list.use-case';
import type { RotationTemporal } from './group-code-rotation';

const VIEW = 'acquisition.group-codes';
const CREATE = 'acquisition.group-codes.create';
const EDIT = 'acquisition.group-codes.edit';
const DELETE = 'acquisition.group-codes.delete';

export interface GroupCodesRouterDeps {
  temporal: RotationTemporal;
  publicUrl: string;
  log: Logger;
}

/** 引流获客 → 群活码: the admin's list, wizard and 管理实际群码, and the public landing page's api. */
export function createGroupCodesRouter(
  registry: OpenAPIRegistry,
  deps: GroupCodesRouterDeps,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['group-codes'], authenticated: true as const, guards: [authenticate] };
  const context = { temporal: deps.temporal, publicUrl: deps.publicUrl };
  const callerOf = async (res: Response): Promise<GroupCodeCaller> => {
    const session = sessionOf(res);
    const access = accessOf(res);
    return {
      tenantId: session.tenantId,
      staffId: session.staffId,
      userid: session.userid,
      isSuperAdmin: access.isSuperAdmin,
      scope: await resolveStaffScope(session.tenantId, access, access),
    };
  };

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
    async ({ query }, _req, res) => {
      const caller = await callerOf(res);
      res.json(await listGroupCodes(caller.tenantId, query, caller.scope, deps.publicUrl));
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
    async (_input, _req, res) => {
      const session = sessionOf(res);
      res.json(await groupCodeColumnsOf(session.tenantId, session.staffId));
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
    async ({ body }, _req, res) => {
      const session = sessionOf(res);
      res.json(await saveGroupCodeColumns(session.tenantId, session.staffId, body.columns));
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
      const session = sessionOf(res);
      res.status(201).json(await receiveGroupCodeImage(req, session));
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
    async ({ params }, _req, res) => {
      const opened = await openImage(sessionOf(res).tenantId, params.fileId);
      if (!opened) throw notFound('图片不存在', 'IMAGE_NOT_FOUND');
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
    async ({ body }, _req, res) => {
      res.status(201).json(await createGroupCode(await callerOf(res), body, context));
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
    async ({ params }, _req, res) => {
      res.json(await groupCodeDetailOf(await callerOf(res), params.codeId, deps.publicUrl));
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
    async ({ params, body }, _req, res) => {
      res.json(await updateGroupCode(await callerOf(res), params.codeId, body, context));
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
      const caller = await callerOf(res);
      const deleted = await deleteGroupCode(caller, params.codeId, context);
      await recordAudit({
        tenantId: caller.tenantId,
        actorStaffId: caller.staffId,
        action: 'group-code.delete',
        target: { type: 'group-code', id: params.codeId, name: deleted.name },
        before: deleted,
        ip: req.ip,
      });
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
    async ({ params, query }, _req, res) => {
      const caller = await callerOf(res);
      const code = await visibleGroupCode(caller, params.codeId);
      const icon = code.iconFileId ? await readImage(caller.tenantId, code.iconFileId) : undefined;
      const png = await renderGroupCodeQr(
        groupCodeLandingUrl(deps.publicUrl, caller.tenantId, params.codeId),
        icon,
      );
      res.setHeader('content-type', 'image/png');
      if (query.download === '1') res.attachment(`${code.name}.png`);
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
    async ({ params, body }, _req, res) => {
      res.status(201).json(await addGroup(await callerOf(res), params.codeId, body, context));
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
    async ({ params, body }, _req, res) => {
      res.json(await updateGroup(await callerOf(res), params.codeId, params.groupId, body, context));
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
    async ({ params }, _req, res) => {
      res.json(await deleteGroup(await callerOf(res), params.codeId, params.groupId, context));
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
      res.json(await landingOf(params.tenantId, params.codeId));
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
      const { tenantId, codeId } = params;
      res.json(
        await scanLanding(tenantId, codeId, body, {
          temporal: deps.temporal,
          log: deps.log,
          qrUrl: (groupId) =>
            `/api/public/group-codes/${encodeURIComponent(tenantId)}/${codeId}/groups/${groupId}/qr`,
        }),
      );
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
      const { tenantId, codeId, groupId } = params;
      const code = await GroupCodeModel.exists({ tenantId, _id: codeId, deletedAt: { $exists: false } });
      const group = code
        ? await GroupCodeGroupModel.findOne({ tenantId, codeId, _id: groupId }, { qrFileId: 1 }).lean()
        : null;
      const opened = group ? await openImage(tenantId, group.qrFileId) : undefined;
      if (!opened) throw notFound('二维码不存在', 'IMAGE_NOT_FOUND');
      res.setHeader('content-type', opened.contentType);
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );

  return router;
}
