import { Router } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import { welcomeImages } from '../../../lib/acquisition/welcome-image-store';
import {
  saveWelcomeSchema,
  welcomeImageParamsSchema,
  welcomeImageSchema,
  welcomeListQuerySchema,
  welcomePageSchema,
  welcomeParamsSchema,
  welcomeSchema,
} from '../../../lib/contracts/welcome-messages.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { uploadWelcomeImage } from './welcome-image-upload';
import {
  createWelcome,
  deleteWelcome,
  listWelcomes,
  updateWelcome,
  WELCOME_TITLES,
} from './welcome-messages.use-case';

const MENU = 'acquisition.welcome-messages';

/** 引流获客 → 欢迎语: 默认欢迎语 and 客户群欢迎语 (R-2.3-01) under their own paths, with inline images. */
export function createWelcomeMessagesRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['welcome-messages'], authenticated: true as const, guards: [authenticate] };

  for (const kind of ['default', 'group'] as const) {
    const path = `/api/welcome-messages/${kind}`;
    const title = WELCOME_TITLES[kind];
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
      async ({ query }, req, res) => {
        res.json(await listWelcomes(callerOf(req, res), { ...query, kind }));
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
        res.status(201).json(await createWelcome(callerOf(req, res), { ...body, kind }, app));
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
        res.json(await updateWelcome(callerOf(req, res), { ...body, ...params, kind }, app));
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
        await deleteWelcome(callerOf(req, res), { ...params, kind }, app);
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
      res.status(201).json(await uploadWelcomeImage(callerOf(req, res), req, app));
    },
  );

  return router;
}

/**
 * Welcome images by tenant and file id, without a session: WeCom downloads them (pic_url) when it delivers
 * a welcome. A file is found only under its own tenant.
 */
export function createWelcomeImagesPublicRouter({ registry }: AppContext): Router {
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
      const opened = await welcomeImages.open(params.tenantId, params.fileId);
      if (!opened) throw notFound('图片不存在', 'IMAGE_NOT_FOUND');
      res.setHeader('content-type', opened.file.contentType);
      res.setHeader('content-length', String(opened.file.size));
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );
  return router;
}
