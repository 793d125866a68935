import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { loadCallerAccess, type CallerAccess } from '../../lib/access/caller-access';
import { isPermissionKey } from '../../lib/access/permission-catalogue';
import { forbidden } from '../http/app-error';
import { sessionOf } from './session';

/** Declared by endpoints every logged-in user needs (who am I, my permissions), whatever their role. */
export const ANY_LOGGED_IN_USER = 'any-logged-in-user';

/**
 * A session route's permission: one 功能权限 key, several (any one of them will do), or
 * ANY_LOGGED_IN_USER. Keys come from lib/access/permission-catalogue.ts.
 */
export type RoutePermission = string | readonly string[];

export const NO_PERMISSION_MESSAGE = '无权限执行该操作，请联系管理员';

/** Throws at start-up for a key the catalogue does not know, so a typo cannot open or close a route. */
export function assertKnownPermission(permission: RoutePermission, where: string): void {
  const keys = typeof permission === 'string' ? [permission] : permission;
  for (const key of keys) {
    if (key !== ANY_LOGGED_IN_USER && !isPermissionKey(key)) {
      throw new Error(`${where}: unknown permission key "${key}"`);
    }
  }
}

/**
 * Runs after the session check: loads the caller's role as it is now (res.locals.access, for the
 * handler's data scope) and answers 403 when the role lacks the route's permission.
 */
export function requirePermission(permission: RoutePermission): RequestHandler {
  const keys = typeof permission === 'string' ? [permission] : [...permission];
  return (_req: Request, res: Response, next: NextFunction) => {
    const session = sessionOf(res);
    loadCallerAccess(session.tenantId, session)
      .then((access) => {
        res.locals.access = access;
        const allowed = keys.some((key) => key === ANY_LOGGED_IN_USER || access.permissions.has(key));
        next(allowed ? undefined : forbidden(NO_PERMISSION_MESSAGE, 'NO_PERMISSION'));
      })
      .catch(next);
  };
}

export function accessOf(res: Response): CallerAccess {
  const access = res.locals.access as CallerAccess | undefined;
  if (!access) throw new Error('accessOf: the route declares no permission check');
  return access;
}
