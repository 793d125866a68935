import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { ownPasswordRequestSchema } from '../../../lib/contracts/auth.contract';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { issueSessionCookie, sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { changeOwnPassword } from './own-password.use-case';

/** 修改密码 for the signed-in staff member (I-10), from the header of the admin. */
export function createOwnPasswordRouter(
  registry: OpenAPIRegistry,
  options: { jwtSecret: string; secureCookies: boolean },
  authenticate: RequestHandler,
): Router {
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
      const session = sessionOf(res);
      const changed = await changeOwnPassword(session, body);
      issueSessionCookie(
        res,
        options.jwtSecret,
        { sub: session.staffId, tid: session.tenantId, sv: changed.sessionVersion },
        options.secureCookies,
      );
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'password.change',
        target: { type: 'staff', id: session.userid, name: '' },
        before: { passwordSet: changed.hadPassword },
        after: { passwordSet: true },
        ip: req.ip,
      });
      res.status(204).end();
    },
  );
  return router;
}
