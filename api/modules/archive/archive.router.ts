import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { resolveStaffScope } from '../../../lib/access/data-scope';
import {
  archiveMessagePageSchema,
  archiveMessagesQuerySchema,
} from '../../../lib/contracts/archive.contract';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { listArchiveMessages } from './archive-messages.use-case';

/** 会话存档 → 内容存档: reading the archived conversations, within the caller's 数据权限. */
export function createArchiveRouter(registry: OpenAPIRegistry, authenticate: RequestHandler): Router {
  const router = Router();

  defineRoute(
    registry,
    router,
    {
      tags: ['archive'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/archive/messages',
      permission: 'archive.messages',
      summary:
        '内容存档 message pane: one conversation, newest first, 聊天时间 and 消息类型 filters, cursor paging',
      request: { query: archiveMessagesQuerySchema },
      responses: {
        200: { description: 'A page of messages, newest first', schema: archiveMessagePageSchema },
      },
    },
    async ({ query }, _req, res) => {
      const { tenantId } = sessionOf(res);
      const access = accessOf(res);
      res.json(await listArchiveMessages(tenantId, await resolveStaffScope(tenantId, access, access), query));
    },
  );

  return router;
}
