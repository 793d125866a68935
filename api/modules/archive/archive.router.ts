import { Router } from 'express';
import {
  archiveConversationPageSchema,
  archiveConversationsQuerySchema,
  archiveCustomerPageSchema,
  archiveCustomersQuerySchema,
  archiveMessagePageSchema,
  archiveMessagesQuerySchema,
  archiveSearchPageSchema,
  archiveSearchQuerySchema,
} from '../../../lib/contracts/archive.contract';
import { archiveMediaQuerySchema } from '../../../lib/contracts/archive-media.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { listArchiveConversations } from './archive-conversations.use-case';
import { listArchiveCustomers } from './archive-customers.use-case';
import { openArchiveMedia } from './archive-media.use-case';
import { listArchiveMessages } from './archive-messages.use-case';
import { searchArchiveMessages } from './archive-search.use-case';

/** 会话存档 → 内容存档: reading the archived conversations, within the caller's 数据权限. */
export function createArchiveRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
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
    async ({ query }, req, res) => {
      res.json(await listArchiveMessages(callerOf(req, res), query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      tags: ['archive'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/archive/conversations',
      permission: 'archive.messages',
      summary:
        "内容存档 / 企微会话记录 chat list: one staff member's or one customer's conversations (or a customer's with one staff member), newest first, 近30天/近90天/全部, 聊天时间 and 消息类型",
      request: { query: archiveConversationsQuerySchema },
      responses: { 200: { description: 'A page of conversations', schema: archiveConversationPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listArchiveConversations(callerOf(req, res), query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      tags: ['archive'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/archive/customers',
      permission: 'archive.messages',
      summary:
        '按客户检索: consenting customers with archived chats, last communication first, fuzzy by name',
      request: { query: archiveCustomersQuerySchema },
      responses: { 200: { description: 'A page of customers', schema: archiveCustomerPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listArchiveCustomers(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      tags: ['archive'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/archive/search',
      permission: 'archive.messages',
      summary:
        "内容存档 / 企微会话记录 keyword search over one person's chats (Chinese substring), 聊天时间 and 消息类型 filters, newest first, with hits marked",
      request: { query: archiveSearchQuerySchema },
      responses: { 200: { description: 'A page of matching messages', schema: archiveSearchPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await searchArchiveMessages(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      tags: ['archive'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/archive/media',
      permission: 'archive.messages',
      summary:
        "内容存档 file: a message's picture, voice, video or file, or one item of a mixed message (streamed)",
      request: { query: archiveMediaQuerySchema },
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
    },
    async ({ query }, req, res) => {
      const file = await openArchiveMedia(callerOf(req, res), query);
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.length));
      if (file.filename) res.attachment(file.filename);
      file.stream.on('error', (error) => res.destroy(error));
      file.stream.pipe(res);
    },
  );

  return router;
}
