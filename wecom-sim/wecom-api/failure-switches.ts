/**
 * The scenario API's latency and outage switches (/sim/latency, /sim/outage) as middleware in front of WeCom's
 * routes: a slowed path answers late, a path under an outage answers WeCom's "system busy" (errcode -1) or a bare
 * HTTP 503. Both /cgi-bin and the Finance SDK's stand-ins sit behind them: the real SDK reaches the same WeCom
 * servers (API.md §15.1), so an outage or a slow WeCom reaches the chat archive too. A switch set for one corp
 * applies to the calls that name it in the query (access_token, gettoken's corpid; see callerCorpId): the Finance
 * SDK's calls name their corp in the body, so only the switches for every corp reach them.
 */
import type { RequestHandler } from 'express';
import type { SimState } from '../state/sim-state';
import { callerCorpId } from './caller-corp';

/** The path the switches know a request by: relative to /cgi-bin for WeCom's API, e.g. /finance/getchatdata for the SDK. */
type PathOf = (req: Parameters<RequestHandler>[0]) => string;

export function failureSwitches(state: SimState, pathOf: PathOf): RequestHandler[] {
  return [
    (req, _res, next) => {
      const delay = state.latency.of(pathOf(req), callerCorpId(state, req));
      if (delay > 0) setTimeout(next, delay);
      else next();
    },
    (req, res, next) => {
      const failure = state.outage.failureFor(pathOf(req), callerCorpId(state, req));
      if (failure === 'http-503') res.status(503).end();
      else if (failure === 'busy') res.status(200).json({ errcode: -1, errmsg: 'system busy' });
      else next();
    },
  ];
}
