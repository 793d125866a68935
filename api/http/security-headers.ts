import type { RequestHandler } from 'express';

/** HSTS for 180 days, this host only: a tenant's other subdomains may still be served over http. */
const HSTS = 'max-age=15552000';

/**
 * The admin's and the H5 pages' Content-Security-Policy. Scripts come from this origin only (the build has no
 * inline script: angular.json turns off critical-CSS inlining, whose `onload=` handler would need one), plus
 * WeCom's JS-SDK, which the H5 pages load from its host and which talks to that host. Styles allow inline ones:
 * Angular and ng-zorro write style attributes and <style> elements at run time. Images may come from anywhere
 * over http(s): customers' avatars and link-card covers are WeCom's or the linked site's URLs.
 */
export function contentSecurityPolicy(jssdkUrl: string): string {
  const jssdk = new URL(jssdkUrl).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${jssdk}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self' ${jssdk}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The H5 pages open in WeCom's side panel, a webview of its own, not a frame of another site.
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * The security headers of every answer, the admin's files as well as the api's JSON. HSTS goes out when the
 * request came over TLS: directly or through the trusted proxy (`req.secure`, from X-Forwarded-Proto), or when
 * PUBLIC_URL is https (`secureCookies`), where a proxy the app does not trust terminates TLS; browsers ignore
 * the header on a plain-http answer anyway.
 */
export function securityHeaders(options: { jssdkUrl: string; secureCookies: boolean }): RequestHandler {
  const csp = contentSecurityPolicy(options.jssdkUrl);
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    // For browsers without frame-ancestors.
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    if (req.secure || options.secureCookies) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
