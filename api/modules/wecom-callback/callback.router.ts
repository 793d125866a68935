import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import express, { Router } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import {
  callbackParamsSchema,
  callbackQuerySchema,
  type CallbackQuery,
} from '../../../lib/contracts/wecom-callback.contract';
import type { Logger } from '../../../lib/logger';
import type { CallbackSource } from '../../../lib/wecom/callback-settings';
import { defineRoute } from '../../http/define-route';
import { receiveContactCallback, verifyCallbackUrl } from './receive-contact-callback.use-case';
import { receiveCustomerCallback } from './receive-customer-callback.use-case';

const PATHS: Record<CallbackSource, string> = {
  contacts: '/wecom/callback/:tenantId/contacts',
  customers: '/wecom/callback/:tenantId/customers',
};

/**
 * The URLs a tenant enters in WeCom's receive-event settings: 通讯录 (contacts) and 客户联系 (customers).
 * Both answer WeCom's URL verification; each stores its events in the inbox.
 */
export function createWeComCallbackRouter(
  registry: OpenAPIRegistry,
  deps: { temporal: Client; taskQueue: string; log: Logger },
): Router {
  const router = Router();
  const receivers: Record<
    CallbackSource,
    (tenantId: string, query: CallbackQuery, body: string) => Promise<void>
  > = {
    contacts: (tenantId, query, body) => receiveContactCallback(deps, tenantId, query, body),
    customers: (tenantId, query, body) => receiveCustomerCallback(deps, tenantId, query, body),
  };

  for (const source of ['contacts', 'customers'] as const) {
    const common = { path: PATHS[source], tags: ['wecom-callback'], authenticated: false as const };
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'get',
        summary: `WeCom URL verification (${source}): answers the decrypted echostr`,
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
        const plaintext = await verifyCallbackUrl(params.tenantId, source, query);
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
        summary: `WeCom event delivery (${source}, encrypted XML); stored once in the inbox`,
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
        await receivers[source](params.tenantId, query, body);
        res.type('text/plain').send('success');
      },
    );
  }

  return router;
}
