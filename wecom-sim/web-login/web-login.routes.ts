/**
 * WeCom's web login (API.md §17), served at the current path `/wwlogin/sso/login` and the legacy
 * `/wwopen/sso/qrConnect` (Appendix B16). The page's form posts the "scan" back to `confirm`, which
 * redirects to redirect_uri?code=&state= as WeCom does after a phone confirms.
 */
import express, { Router, type Request } from 'express';
import type { SimState } from '../state/sim-state';
import { loginErrorHtml, loginPageHtml } from './login-page';
import { confirmScan, declineScan, parseLoginRequest, WebLoginError } from './login-request';

function queryOf(req: Request): URLSearchParams {
  return new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
}

export function webLoginRouter(state: SimState): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false }));

  const show = (legacy: boolean) => (req: Request, res: express.Response) => {
    try {
      const request = parseLoginRequest(state, queryOf(req), legacy);
      res.type('html').send(loginPageHtml(request, queryOf(req).toString()));
    } catch (error) {
      if (!(error instanceof WebLoginError)) throw error;
      res.status(400).type('html').send(loginErrorHtml(error.message, error.errcode));
    }
  };
  router.get('/wwlogin/sso/login', show(false));
  router.get('/wwopen/sso/qrConnect', show(true));

  const confirm = (legacy: boolean) => (req: Request, res: express.Response) => {
    const form = req.body as Record<string, string | undefined>;
    try {
      const request = parseLoginRequest(state, queryOf(req), legacy);
      const location = form.decline
        ? declineScan(request)
        : confirmScan(state, request, form.nonMember ? { nonMember: true } : { userid: form.userid ?? '' });
      res.redirect(302, location.toString());
    } catch (error) {
      if (!(error instanceof WebLoginError)) throw error;
      res.status(400).type('html').send(loginErrorHtml(error.message, error.errcode));
    }
  };
  router.post('/wwlogin/sso/confirm', confirm(false));
  router.post('/wwopen/sso/confirm', confirm(true));
  return router;
}
