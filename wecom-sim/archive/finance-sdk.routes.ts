/**
 * Stands in for the Finance SDK's GetChatData (API.md §15.1). The real SDK speaks a private protocol;
 * the simulator offers the same call at the same boundary as JSON over HTTP:
 * POST /finance/getchatdata {corpid, secret, seq, limit} → {errcode, errmsg, chatdata:[…]}.
 * Errors: 40013 unknown corp, 40001 not the corp's 会话存档 secret, 10000 bad seq/limit (the SDK's own
 * code for bad parameters; limit is 1–1000), 301053 chat archive not enabled.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import type { SimState } from '../state/sim-state';

const requestSchema = z.object({
  corpid: z.string().min(1),
  secret: z.string().min(1),
  seq: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});

export function financeSdkRouter(state: SimState): Router {
  const router = Router();
  router.post('/finance/getchatdata', express.json(), (req, res) => {
    const parsed = requestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.json({ errcode: 10000, errmsg: 'invalid params', chatdata: [] });
      return;
    }
    const { corpid, secret, seq, limit } = parsed.data;
    const corp = state.corp(corpid);
    if (!corp) return void res.json({ errcode: 40013, errmsg: 'invalid corpid', chatdata: [] });
    if (corp.identity.secrets.archive !== secret) {
      return void res.json({ errcode: 40001, errmsg: 'invalid credential', chatdata: [] });
    }
    if (corp.archive.currentVersion === undefined) {
      return void res.json({ errcode: 301053, errmsg: 'chat archive not enabled', chatdata: [] });
    }
    res.json({ errcode: 0, errmsg: 'ok', chatdata: corp.archive.after(seq, limit) });
  });
  return router;
}
