import type { RequestHandler } from 'express';
import { forbidden } from './app-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The request headers that say where a browser request comes from. */
export interface RequestSource {
  origin?: string;
  referer?: string;
  secFetchSite?: string;
  host?: string;
}

/**
 * Whether a request was sent by a page of another site. A browser names the page's origin in `Origin` on every
 * cross-site POST, PUT, PATCH and DELETE (and modern ones add `Sec-Fetch-Site`), so a request that carries
 * neither header nor a Referer is not a browser's cross-site request: curl, WeCom's servers, scripts. Those
 * are left to the session check like any other. `Origin: null` (a sandboxed frame, a data: page) is foreign.
 */
export function isCrossSite(source: RequestSource, ownOrigin: string): boolean {
  if (source.secFetchSite === 'cross-site') return true;
  const from = source.origin ?? source.referer;
  if (from === undefined) return false;
  let url: URL;
  try {
    url = new URL(from);
  } catch {
    return true;
  }
  // This origin as PUBLIC_URL names it, or as the browser reached it (the Host it asked, e.g. the admin's
  // dev server, whose proxy keeps the Host).
  return url.origin !== ownOrigin && url.host !== source.host;
}

/**
 * Refuses state-changing requests that pages of other sites send with the user's cookies (cross-site request
 * forgery). SameSite=lax cookies already stay home on cross-site POSTs; this also covers same-site pages of
 * other origins and older browsers. Mounted on /api only: WeCom's callbacks (/wecom/callback/…) are
 * server-to-server and stay outside it.
 */
export function refuseCrossSiteWrites(publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const source: RequestSource = {
      origin: req.get('origin'),
      referer: req.get('referer'),
      secFetchSite: req.get('sec-fetch-site'),
      host: req.get('host'),
    };
    if (isCrossSite(source, ownOrigin))
      return next(forbidden('拒绝来自其他网站的请求，请在本系统页面中操作', 'CROSS_SITE_REQUEST'));
    next();
  };
}
