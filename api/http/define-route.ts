import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';
import { errorResponseSchema, RESULT_WINDOW } from '../../lib/contracts/common.contract';
import { assertKnownPermission, requirePermission, type RoutePermission } from '../auth/authorize';
import { badRequest } from './app-error';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnySchema = z.ZodType;

/**
 * Who may call the route. A tenant session route must name its 功能权限 (`permission`: a catalogue key,
 * several keys of which any one will do, or ANY_LOGGED_IN_USER), so a route without one does not
 * type-check; public and platform-operator routes have none.
 */
export type RouteAccess =
  | { authenticated: false; security?: never; permission?: never }
  | { authenticated: true; security: 'platform'; permission?: never }
  | { authenticated: true; security?: 'session'; permission: RoutePermission };

export type RouteSpec<P extends AnySchema, Q extends AnySchema, B extends AnySchema> = RouteBase<P, Q, B> &
  RouteAccess;

interface RouteBase<P extends AnySchema, Q extends AnySchema, B extends AnySchema> {
  method: Method;
  /** Express path, e.g. `/api/org/staff/:userid`; the OpenAPI path is derived from it. */
  path: string;
  summary: string;
  tags: string[];
  /** Middleware run before validation, e.g. the session check (the permission check runs after them). */
  guards?: Array<(req: Request, res: Response, next: NextFunction) => void>;
  request?: { params?: P; query?: Q; body?: B; bodyContentType?: string };
  responses: Record<number, { description: string; schema?: AnySchema; contentType?: string }>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * One declaration per endpoint: the same zod schemas validate the request and describe it in the
 * OpenAPI document, so the document cannot drift from what the api accepts.
 */
export function defineRoute<P extends AnySchema, Q extends AnySchema, B extends AnySchema>(
  registry: OpenAPIRegistry,
  router: Router,
  spec: RouteSpec<P, Q, B>,
  handler: (
    input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>,
    req: Request,
    res: Response,
  ) => Promise<void>,
): void {
  const permissionCheck = spec.permission === undefined ? [] : [requirePermission(spec.permission)];
  if (spec.permission !== undefined) assertKnownPermission(spec.permission, `${spec.method} ${spec.path}`);
  registry.registerPath(toOpenApi(spec));

  const validateAndHandle = async (req: Request, res: Response) => {
    const input = {
      params: parsePart(spec.request?.params, req.params),
      query: parsePart(spec.request?.query, withoutEmptyValues(req.query)),
      body: parsePart(spec.request?.body, req.body),
    } as RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>;
    refuseTooDeepPage(input.query);
    await handler(input, req, res);
  };
  router[spec.method](spec.path, ...(spec.guards ?? []), ...permissionCheck, validateAndHandle);
}

/** A page past what a list can serve (RESULT_WINDOW) is refused here, for every paged route at once. */
function refuseTooDeepPage(query: unknown): void {
  const { page, pageSize } = (query ?? {}) as { page?: unknown; pageSize?: unknown };
  if (typeof page !== 'number' || typeof pageSize !== 'number') return;
  if (page * pageSize > RESULT_WINDOW) {
    throw badRequest(`最多可查看前${RESULT_WINDOW}条，请缩小筛选范围`, 'PAGE_TOO_DEEP');
  }
}

/** `?departmentId=&keyword=` means "no filter": an empty query value counts as absent. */
function withoutEmptyValues(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function parsePart(schema: AnySchema | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  if (holdsNulCharacter(value)) throw badRequest('请求参数有误（含有空字符）');
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    // The first problem is the one a person fixes first; the schemas carry Chinese messages.
    const issue = parsed.error.issues[0];
    const message = issue?.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '请求参数有误';
    throw badRequest(issue?.path.length ? `${message}（${issue.path.join('.')}）` : message);
  }
  return parsed.data;
}

/**
 * PostgreSQL, under FerretDB, can neither store nor compare a string that holds U+0000: a query with one fails
 * inside the database. No person types it, so no request may carry one, in a value or a key.
 */
export function holdsNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNulCharacter);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNulCharacter(inner));
  return false;
}

/** The route's permission keys as documented in OpenAPI (`x-permission`); any one of them will do. */
function permissionsOf(permission: RoutePermission): string[] {
  return typeof permission === 'string' ? [permission] : [...permission];
}

function toOpenApi<P extends AnySchema, Q extends AnySchema, B extends AnySchema>(
  spec: RouteSpec<P, Q, B>,
): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }
        : {}),
    };
  }
  responses.default = {
    description: 'Error',
    content: { 'application/json': { schema: errorResponseSchema } },
  };
  const { params, query, body, bodyContentType } = spec.request ?? {};
  return {
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    summary: spec.summary,
    tags: spec.tags,
    security: spec.authenticated ? [{ [spec.security ?? 'session']: [] }] : [],
    ...(spec.permission === undefined ? {} : { 'x-permission': permissionsOf(spec.permission) }),
    request: {
      ...(params ? { params: params as never } : {}),
      ...(query ? { query: query as never } : {}),
      ...(body ? { body: { content: { [bodyContentType ?? 'application/json']: { schema: body } } } } : {}),
    },
    responses,
  };
}
