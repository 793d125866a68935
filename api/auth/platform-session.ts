import type { NextFunction, Request, RequestHandler, Response } from 'express';
import jwt from 'jsonwebtoken';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { unauthorized } from '../http/app-error';

/** The platform operators' own session: a different cookie and audience, so a tenant session never opens it. */
export const PLATFORM_COOKIE = 'scrm_platform';
const AUDIENCE = 'platform';
const TTL_SECONDS = 8 * 60 * 60;

export function issuePlatformCookie(res: Response, secret: string, adminId: string, secure: boolean): void {
  const token = jwt.sign({ sub: adminId }, secret, { expiresIn: TTL_SECONDS, audience: AUDIENCE });
  res.cookie(PLATFORM_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: TTL_SECONDS * 1000,
    path: '/',
  });
}

export function clearPlatformCookie(res: Response): void {
  res.clearCookie(PLATFORM_COOKIE, { path: '/' });
}

/** The signed-in operator's id, set by requirePlatformSession. */
export function platformAdminIdOf(res: Response): string {
  return res.locals.platformAdminId as string;
}

export function requirePlatformSession(secret: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.cookies?.[PLATFORM_COOKIE] as string | undefined;
    if (!token) return next(unauthorized('请先登录运营后台'));
    let adminId: string;
    try {
      adminId = (jwt.verify(token, secret, { audience: AUDIENCE }) as { sub: string }).sub;
    } catch {
      return next(unauthorized('登录已过期，请重新登录'));
    }
    PlatformAdminModel.exists({ _id: adminId })
      .then((found) => {
        if (!found) return next(unauthorized('登录已失效，请重新登录'));
        res.locals.platformAdminId = adminId;
        next();
      })
      .catch(next);
  };
}
