/**
 * GET /cgi-bin/gettoken?corpid&corpsecret (API.md §1). Checks in WeCom's order: 41004 corpsecret missing (even
 * when corpid is missing too), 41002 corpid missing, 40013 unknown corpid, 40001 secret not one of the corp's.
 */
import type { RequestHandler } from 'express';
import type { SimState } from '../state/sim-state';
import { WecomError } from '../wecom-error';
import { firstQueryValue, sendWecomError } from './wecom-endpoint';

export function gettokenHandler(state: SimState): RequestHandler {
  return (req, res) => {
    try {
      const corpsecret = firstQueryValue(req, 'corpsecret');
      const corpid = firstQueryValue(req, 'corpid');
      if (!corpsecret) throw new WecomError(41004);
      if (!corpid) throw new WecomError(41002);
      const corp = state.corp(corpid);
      if (!corp) throw new WecomError(40013);
      const kind = corp.secretKindOf(corpsecret);
      if (!kind) throw new WecomError(40001);
      const issued = state.tokens.issue(corp.corpId, kind);
      res
        .status(200)
        .json({ errcode: 0, errmsg: 'ok', access_token: issued.accessToken, expires_in: issued.expiresIn });
    } catch (error) {
      if (!(error instanceof WecomError)) throw error;
      sendWecomError(state, req, res, error);
    }
  };
}
