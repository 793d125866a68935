import { Router } from 'express';
import { ownPasswordRequestSchema } from '../../../lib/contracts/auth.contract';
import type { AppContext } from '../../app-context';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { callerOf } from '../../auth/caller';
import { issueSessionCookie } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { changeOwnPassword } from './own-password.use-case';

/** 修改密码 for the signed-in staff member (I-10), from the header of the admin. */
export function createOwnPasswordRouter({
  registry,
  authenticate,
  config,
  secureCookies,
}: AppContext): Router {
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'put',
      path: '/api/auth/password',
      summary:
        '设置/修改密码 (I-10): the current password is needed only when one is set; other sessions end',
      tags: ['auth'],
      authenticated: true,
      permission: ANY_LOGGED_IN_USER,
      guards: [authenticate],
      request: { body: ownPasswordRequestSchema },
      responses: { 204: { description: 'Changed; this browser gets a fresh session cookie' } },
    },
    async ({ body }, req, res) => {
      const caller = callerOf(req, res);
      const { sessionVersion } = await changeOwnPassword(caller, body);
      // This browser keeps its session under the new version; every other session ends.
      issueSessionCookie(
        res,
        config.jwtSecret,
        { sub: caller.staffId, tid: caller.tenantId, sv: sessionVersion },
        secureCookies,
      );
      res.status(204).end();
    },
  );
  return router;
}
