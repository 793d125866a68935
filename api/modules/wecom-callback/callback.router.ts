import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import express, { Router } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import { callbackParamsSchema, callbackQuerySchema } from '../../../lib/contracts/wecom-callback.contract';
import type { Logger } from '../../../lib/logger';
import { defineRoute } from '../../http/define-route';
import { receiveContactCallback, verifyCallbackUrl } from './receive-contact-callback.use-case';

const PATH = '/wecom/callback/:tenantId/contacts';

/** The URL a tenant enters in WeCom's 通讯录 callback settings. */
export function createWeComCallbackRouter(
  registry: OpenAPIRegistry,
  deps: { temporal: Client; taskQueue: string; log: Logger },
): Router {
  const router = Router();
  const common = { path: PATH, tags: ['wecom-callback'], authenticated: false as const };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      summary: 'WeCom URL verification: answers the decrypted echostr',
      request: { params: callbackParamsSchema, query: callbackQuerySchema },
      responses: {
        200: {
          description: 'The decrypted echostr, as plain text',
          schema: z.string(),
          contentType: 'text/plain',
        },
        403: { description: 'Bad signature or ciphertext' },
      },
    },
    async ({ params, query }, _req, res) => {
      const plaintext = await verifyCallbackUrl(params.tenantId, query);
      // WeCom compares the body byte for byte: no quotes, no newline.
      res.type('text/plain').send(plaintext);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      summary: 'WeCom event delivery (encrypted XML); stored once, then applied by a workflow',
      guards: [express.text({ type: () => true, limit: '1mb' })],
      request: {
        params: callbackParamsSchema,
        query: callbackQuerySchema,
        body: z.string().min(1),
        bodyContentType: 'application/xml',
      },
      responses: {
        200: { description: 'Stored', schema: z.string(), contentType: 'text/plain' },
        403: { description: 'Bad signature or ciphertext: nothing stored' },
      },
    },
    async ({ params, query, body }, _req, res) => {
      await receiveContactCallback(deps, params.tenantId, query, body);
      res.type('text/plain').send('success');
    },
  );

  return router;
}
