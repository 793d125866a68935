import express, { Router } from 'express';
import { z } from '../../../lib/contracts/common.contract';
import { callbackParamsSchema, callbackQuerySchema } from '../../../lib/contracts/wecom-callback.contract';
import type { CallbackSource } from '../../../lib/wecom/callback-settings';
import type { AppContext } from '../../app-context';
import { defineRoute } from '../../http/define-route';
import {
  receiveContactCallback,
  verifyCallbackUrl,
  type CallbackDelivery,
} from './receive-contact-callback.use-case';
import { receiveCustomerCallback } from './receive-customer-callback.use-case';

const PATHS: Record<CallbackSource, string> = {
  contacts: '/wecom/callback/:tenantId/contacts',
  customers: '/wecom/callback/:tenantId/customers',
};

/**
 * The URLs a tenant enters in WeCom's receive-event settings: 通讯录 (contacts) and 客户联系 (customers).
 * Both answer WeCom's URL verification; each stores its events in the inbox.
 */
export function createWeComCallbackRouter(app: AppContext): Router {
  const { registry } = app;
  const router = Router();
  const receivers: Record<CallbackSource, (delivery: CallbackDelivery) => Promise<void>> = {
    contacts: (delivery) => receiveContactCallback(delivery, app),
    customers: (delivery) => receiveCustomerCallback(delivery, app),
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
        const plaintext = await verifyCallbackUrl({ ...query, ...params, source });
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
        await receivers[source]({ ...query, ...params, body });
        res.type('text/plain').send('success');
      },
    );
  }

  return router;
}
