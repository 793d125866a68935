import type { Request } from 'express';
import type { SimState } from '../state/sim-state';
import { firstQueryValue } from './wecom-endpoint';

/**
 * The corp a /cgi-bin call comes from, for the switches a test may scope to its own corp (latency, outage):
 * its access_token's corp, or gettoken's corpid. Undefined when neither names one (the call then fails on its
 * own terms further on).
 */
export function callerCorpId(state: SimState, req: Request): string | undefined {
  const token = firstQueryValue(req, 'access_token');
  if (token) {
    const lookup = state.tokens.lookup(token);
    return lookup.status === 'valid' ? lookup.grant.corpId : undefined;
  }
  return firstQueryValue(req, 'corpid');
}
