import { createSecretKey } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import jwt from 'jsonwebtoken';
import { StaffModel } from '../../lib/models/staff.model';
import { TenantModel } from '../../lib/models/tenant.model';
import { AppError, unauthorized } from '../http/app-error';

export const SESSION_COOKIE = 'scrm_session';
const SESSION_TTL_SECONDS = 12 * 60 * 60;

interface SessionClaims {
  sub: string;
  tid: string;
  /** The staff member's sessionVersion at login: bumping it ends every session at once. */
  sv: number;
}

export interface Session {
  tenantId: string;
  staffId: string;
  userid: string;
  /** For the permission check (api/auth/authorize.ts), which reads the role itself fresh. */
  roleId?: string;
  departmentIds: number[];
}

export function issueSessionCookie(
  res: Response,
  secret: string,
  claims: SessionClaims,
  secure: boolean,
): void {
  const token = jwt.sign(claims, secret, { expiresIn: SESSION_TTL_SECONDS });
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_TTL_SECONDS * 1000,
    path: '/',
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The tenant's validity window, checked at login and on every request. */
export function assertTenantActive(tenant: { effectiveAt: Date; expiresAt: Date }, now = new Date()): void {
  if (now < tenant.effectiveAt) throw new AppError(403, 'TENANT_NOT_EFFECTIVE', '账号尚未生效，请联系商务');
  if (now >= tenant.expiresAt) throw new AppError(403, 'TENANT_EXPIRED', '账号已到期，请联系商务');
}

/**
 * Every authenticated route goes through here: a valid cookie, a tenant inside its validity window,
 * and a staff member who is still allowed in (开启系统) with the same session version.
 */
export function requireSession(secret: string): RequestHandler {
  // A key object made once: given the secret as a string, jsonwebtoken first tries it as a PEM public key, which
  // throws, then makes a secret key of it, on every request.
  const key = createSecretKey(Buffer.from(secret));
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.cookies?.[SESSION_COOKIE] as string | undefined;
    if (!token) return next(unauthorized());
    let claims: SessionClaims;
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as SessionClaims;
    } catch {
      return next(unauthorized('登录已过期，请重新登录'));
    }
    loadSession(claims)
      .then((session) => {
        res.locals.session = session;
        next();
      })
      .catch(next);
  };
}

async function loadSession(claims: SessionClaims): Promise<Session> {
  const [tenant, staff] = await Promise.all([
    TenantModel.findById(claims.tid).lean(),
    StaffModel.findOne({ tenantId: claims.tid, _id: claims.sub }).lean(),
  ]);
  if (!tenant || !staff || staff.deletedAt || !staff.systemEnabled || staff.sessionVersion !== claims.sv) {
    throw unauthorized('登录已失效，请重新登录');
  }
  assertTenantActive(tenant);
  return {
    tenantId: tenant._id,
    staffId: String(staff._id),
    userid: staff.userid,
    roleId: staff.roleId ?? undefined,
    departmentIds: staff.departmentIds,
  };
}

export function sessionOf(res: Response): Session {
  const session = res.locals.session as Session | undefined;
  if (!session) throw unauthorized();
  return session;
}
