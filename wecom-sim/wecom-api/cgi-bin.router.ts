/**
 * Everything under /cgi-bin. WeCom does not route by HTTP method — a GET to a POST API simply has no body
 * (40058) — so every path answers any method. Bodies are read as text and parsed per endpoint, because WeCom
 * accepts JSON whatever the Content-Type and answers bad JSON with an errcode, not an HTTP error.
 */
import express, { Router } from 'express';
import type { SimState } from '../state/sim-state';
import { appEndpoints } from './app.routes';
import { departmentEndpoints } from './department.routes';
import { externalContactEndpoints } from './externalcontact.routes';
import { gettokenHandler } from './gettoken.route';
import { groupMsgEndpoints } from './groupmsg.routes';
import { jsapiTicketEndpoints } from './jsapi-ticket.routes';
import { messageEndpoints } from './message.routes';
import { msgauditEndpoints } from './msgaudit.routes';
import { statisticsEndpoints } from './statistics.routes';
import { userEndpoints } from './user.routes';
import { contactWayEndpoints } from './contact-way.routes';
import { welcomeEndpoints } from './welcome.routes';
import { transferEndpoints } from './transfer.routes';
import { wecomEndpoint } from './wecom-endpoint';

/**
 * The body of a /cgi-bin call, read before anything makes the call wait (latency, outages): WeCom has a request
 * once it was sent, so a caller that goes away while WeCom takes its time does not undo it (a worker killed
 * inside add_msg_template still leaves its template).
 */
export const cgiBinBody = express.text({ type: () => true, limit: '2mb' });

export function cgiBinRouter(state: SimState): Router {
  const router = Router();
  router.all('/gettoken', gettokenHandler(state));
  const endpoints = {
    ...departmentEndpoints,
    ...userEndpoints,
    ...externalContactEndpoints,
    ...messageEndpoints,
    ...appEndpoints,
    ...jsapiTicketEndpoints,
    ...msgauditEndpoints,
    ...contactWayEndpoints,
    ...welcomeEndpoints,
    ...groupMsgEndpoints,
    ...statisticsEndpoints,
    ...transferEndpoints,
  };
  for (const [path, spec] of Object.entries(endpoints)) {
    router.all(path, wecomEndpoint(state, spec));
  }
  return router;
}
