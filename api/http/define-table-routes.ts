import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { RoutePermission } from '../auth/authorize';
import { defineRoute, type RouteSpec } from './define-route';
import { XLSX_CONTENT_TYPE } from './xlsx-download';

type AnySchema = z.ZodType;

/** A server-paged table of a module: where it is, who reads and who exports it, the schemas of both. */
export interface TableRoutes<PQ extends AnySchema, EQ extends AnySchema> {
  tags: string[];
  /** The session check (signed-in tenant routes only: both routes name a permission). */
  guards: NonNullable<RouteSpec<AnySchema, AnySchema, AnySchema>['guards']>;
  path: string;
  permission: RoutePermission;
  summary: string;
  query: PQ;
  page: { description: string; schema: AnySchema };
  exportPermission: RoutePermission;
  exportSummary: string;
  exportQuery: EQ;
}

/**
 * A server-paged table's two endpoints: `path` answers one page, `path/export` streams every row as .xlsx in
 * the order the same filters and sort give the table (the 导出 of the admin's list pages).
 */
export function defineTableRoutes<PQ extends AnySchema, EQ extends AnySchema>(
  registry: OpenAPIRegistry,
  router: Router,
  table: TableRoutes<PQ, EQ>,
  handlers: {
    page: (query: z.infer<PQ>, req: Request, res: Response) => Promise<unknown>;
    workbook: (query: z.infer<EQ>, req: Request, res: Response) => Promise<void>;
  },
): void {
  const base = {
    tags: table.tags,
    authenticated: true as const,
    guards: table.guards,
    method: 'get' as const,
  };
  defineRoute(
    registry,
    router,
    {
      ...base,
      path: table.path,
      permission: table.permission,
      summary: table.summary,
      request: { query: table.query },
      responses: { 200: table.page },
    },
    async ({ query }, req, res) => {
      res.json(await handlers.page(query, req, res));
    },
  );
  defineRoute(
    registry,
    router,
    {
      ...base,
      path: `${table.path}/export`,
      permission: table.exportPermission,
      summary: table.exportSummary,
      request: { query: table.exportQuery },
      responses: { 200: { description: 'The workbook', contentType: XLSX_CONTENT_TYPE } },
    },
    async ({ query }, req, res) => {
      await handlers.workbook(query, req, res);
    },
  );
}
