import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import type { listColumnsStore } from './list-columns.use-case';

/** GET and PUT `<path>`: the caller's columns of one list page (the gear), and saving them. */
export function declareListColumnsRoutes<K extends string>(
  registry: OpenAPIRegistry,
  router: Router,
  spec: {
    path: string;
    /** The list page's own permission: whoever may open the list may choose its columns. */
    permission: string;
    listName: string;
    tags: string[];
    authenticate: RequestHandler;
    body: z.ZodType<{ columns: K[] }>;
    view: z.ZodType;
    store: ReturnType<typeof listColumnsStore<K>>;
  },
): void {
  const common = {
    tags: spec.tags,
    authenticated: true as const,
    guards: [spec.authenticate],
    path: spec.path,
    permission: spec.permission,
  };
  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      summary: `The caller’s chosen ${spec.listName} columns, in their order (the manual’s default until they choose)`,
      responses: { 200: { description: 'Columns', schema: spec.view } },
    },
    async (_input, req, res) => {
      res.json(await spec.store.columnsOf(callerOf(req, res)));
    },
  );
  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      summary: `Save the caller’s ${spec.listName} columns and their order`,
      request: { body: spec.body },
      responses: { 200: { description: 'Saved', schema: spec.view } },
    },
    async ({ body }, req, res) => {
      res.json(await spec.store.saveColumns(callerOf(req, res), body));
    },
  );
}
