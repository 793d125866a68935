import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import { openWelcomeImage, welcomeImageUrl } from '../../../lib/acquisition/welcome-image-store';
import {
  saveWelcomeSchema,
  welcomeImageParamsSchema,
  welcomeImageSchema,
  welcomeListQuerySchema,
  welcomePageSchema,
  welcomeParamsSchema,
  welcomeSchema,
} from '../../../lib/contracts/welcome-messages.contract';
import { sessionOf } from '../../auth/session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { receiveWelcomeImage } from './welcome-image-upload';
import {
  createWelcome,
  deleteWelcome,
  listWelcomes,
  updateWelcome,
  type WelcomeKind,
  type WelcomeTemporal,
} from './welcome-messages.use-case';

const MENU = 'acquisition.welcome-messages';
/** The two sections of the page (R-2.3-01) under their own paths. */
const SECTIONS: Record<WelcomeKind, { path: string; title: string }> = {
  default: { path: '/api/welcome-messages/default', title: '默认欢迎语' },
  group: { path: '/api/welcome-messages/group', title: '客户群欢迎语' },
};

/** 引流获客 → 欢迎语: 默认欢迎语 and 客户群欢迎语, with inline images. */
export function createWelcomeMessagesRouter(
  registry: OpenAPIRegistry,
  temporal: WelcomeTemporal,
  publicUrl: string,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['welcome-messages'], authenticated: true as const, guards: [authenticate] };
  const callerOf = (res: Response) => {
    const session = sessionOf(res);
    return { tenantId: session.tenantId, staffId: session.staffId };
  };

  for (const kind of ['default', 'group'] as const) {
    const { path, title } = SECTIONS[kind];
    const audited = (
      caller: { tenantId: string; staffId: string },
      action: 'welcome.create' | 'welcome.update',
      welcome: { id: string; summary: string },
    ) => ({
      tenantId: caller.tenantId,
      actorStaffId: caller.staffId,
      action,
      target: { type: `welcome-${kind}`, id: welcome.id, name: `${title}：${welcome.summary}` },
    });
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'get',
        path,
        permission: MENU,
        summary: `${title}: newest first`,
        request: { query: welcomeListQuerySchema },
        responses: { 200: { description: 'A page', schema: welcomePageSchema } },
      },
      async ({ query }, _req, res) => {
        res.json(await listWelcomes(callerOf(res).tenantId, kind, query));
      },
    );
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'post',
        path,
        permission: `${MENU}.create`,
        summary:
          kind === 'default'
            ? '新建默认欢迎语 (one at a time)'
            : '新增客户群欢迎语: saved, then a WeCom template and a notice to every group owner',
        request: { body: saveWelcomeSchema },
        responses: {
          201: { description: 'Saved', schema: welcomeSchema },
          409: { description: 'One exists' },
        },
      },
      async ({ body }, req, res) => {
        const caller = callerOf(res);
        const created = await createWelcome(temporal, caller, kind, body);
        await recordAudit({
          ...audited(caller, 'welcome.create', created),
          after: created,
          ip: req.ip,
        });
        res.status(201).json(created);
      },
    );
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'put',
        path: `${path}/:welcomeId`,
        permission: `${MENU}.edit`,
        summary: `编辑${title}`,
        request: { params: welcomeParamsSchema, body: saveWelcomeSchema },
        responses: { 200: { description: 'Saved', schema: welcomeSchema } },
      },
      async ({ params, body }, req, res) => {
        const caller = callerOf(res);
        const updated = await updateWelcome(temporal, caller.tenantId, kind, params.welcomeId, body);
        await recordAudit({ ...audited(caller, 'welcome.update', updated), after: updated, ip: req.ip });
        res.json(updated);
      },
    );
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'delete',
        path: `${path}/:welcomeId`,
        permission: `${MENU}.delete`,
        summary: `删除${title}`,
        request: { params: welcomeParamsSchema },
        responses: { 204: { description: 'Deleted' } },
      },
      async ({ params }, req, res) => {
        const caller = callerOf(res);
        await deleteWelcome(temporal, caller.tenantId, kind, params.welcomeId);
        await recordAudit({
          tenantId: caller.tenantId,
          actorStaffId: caller.staffId,
          action: 'welcome.delete',
          target: { type: `welcome-${kind}`, id: params.welcomeId, name: title },
          ip: req.ip,
        });
        res.status(204).end();
      },
    );
  }

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/welcome-images',
      permission: [`${MENU}.create`, `${MENU}.edit`],
      summary: 'Uploads one welcome image (multipart field `file`, jpg/png ≤ 2 MB)',
      request: {
        body: z
          .object({ file: z.string().optional().openapi({ format: 'binary' }) })
          .openapi('WelcomeImageUpload'),
        bodyContentType: 'multipart/form-data',
      },
      responses: {
        201: { description: 'Stored; pass its fileId in the attachment', schema: welcomeImageSchema },
        413: { description: '只能上传jpg/png格式图片，且不超过2M' },
      },
    },
    async (_input, req, res) => {
      const { tenantId } = callerOf(res);
      const image = await receiveWelcomeImage(req, tenantId);
      res.status(201).json({ ...image, url: welcomeImageUrl(publicUrl, tenantId, image.fileId) });
    },
  );

  return router;
}

/**
 * Welcome images by tenant and file id, without a session: WeCom downloads them (pic_url) when it delivers
 * a welcome. A file is found only under its own tenant.
 */
export function createWelcomeImagesPublicRouter(registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/public/welcome-images/:tenantId/:fileId',
      tags: ['welcome-messages'],
      authenticated: false,
      summary: 'A welcome image, for WeCom’s pic_url and the admin’s preview',
      request: { params: welcomeImageParamsSchema },
      responses: {
        200: { description: 'The image', contentType: 'image/png' },
        404: { description: 'Unknown' },
      },
    },
    async ({ params }, _req, res) => {
      const opened = await openWelcomeImage(params.tenantId, params.fileId);
      if (!opened) throw notFound('图片不存在', 'IMAGE_NOT_FOUND');
      res.setHeader('content-type', opened.file.contentType);
      res.setHeader('content-length', String(opened.file.size));
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );
  return router;
}
