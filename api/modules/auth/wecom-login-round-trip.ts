import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import type { AppContext } from '../../app-context';
import { issueSessionCookie } from '../../auth/session';
import { AppError } from '../../http/app-error';
import { finishWeComLogin, type PendingLogin } from './wecom-login.use-case';

/** What both login routers are given anyway. */
export type WeComLoginDeps = Pick<AppContext, 'config' | 'secureCookies' | 'wecom' | 'log'>;

export interface WeComLoginRoundTripOptions {
  /** The cookie binding the login's state to this browser for the round trip to WeCom. */
  cookieName: string;
  cookiePath: string;
  ttlSeconds: number;
  /** How the login is recorded in the audit log. */
  method: 'wecom-qr' | 'wecom-h5';
  /** Where a failure goes, with its message. */
  toErrorPage: (res: Response, message: string) => void;
  /** The message when WeCom could not be asked (not a refusal). */
  unavailableMessage: string;
}

/**
 * A login through WeCom (扫码登录, and the H5 sidebar's OAuth): the state goes out with a signed, short-lived
 * cookie of this browser; the callback checks it, exchanges WeCom's code, issues the same session cookie as the
 * password login, records the login, and goes on; any failure goes to the caller's error page.
 */
export function wecomLoginRoundTrip<P extends PendingLogin>(
  deps: WeComLoginDeps,
  flow: WeComLoginRoundTripOptions,
) {
  const options = { ...deps, ...flow, jwtSecret: deps.config.jwtSecret };
  const cookie = { httpOnly: true, secure: options.secureCookies, path: options.cookiePath };

  function readPending(req: Request): P | null {
    const token: string | undefined = req.cookies?.[options.cookieName];
    if (!token) return null;
    try {
      return jwt.verify(token, options.jwtSecret) as P;
    } catch {
      return null;
    }
  }

  return {
    /** Keeps the pending login in this browser until WeCom sends it back. */
    remember(res: Response, pending: P): void {
      res.cookie(
        options.cookieName,
        jwt.sign(pending, options.jwtSecret, { expiresIn: options.ttlSeconds }),
        {
          ...cookie,
          // WeCom brings the browser back with a top-level GET, which lax cookies survive.
          sameSite: 'lax',
          maxAge: options.ttlSeconds * 1000,
        },
      );
    },

    /** The callback: signs the member in and redirects to `next(pending)`, or to the error page. */
    async complete(
      req: Request,
      res: Response,
      callback: { code?: string; state?: string },
      next: (pending: P) => string,
    ): Promise<void> {
      const pending = readPending(req);
      res.clearCookie(options.cookieName, { path: options.cookiePath });
      let result;
      try {
        result = await finishWeComLogin({ ...callback, pending, method: options.method, ip: req.ip }, deps);
      } catch (error) {
        if (error instanceof AppError) return options.toErrorPage(res, error.message);
        options.log.error({ err: error, method: options.method }, 'WeCom login failed');
        return options.toErrorPage(res, options.unavailableMessage);
      }
      issueSessionCookie(res, options.jwtSecret, result.claims, options.secureCookies);
      // finishWeComLogin succeeded, so the pending login was there and matched.
      res.redirect(302, next(pending as P));
    },
  };
}
