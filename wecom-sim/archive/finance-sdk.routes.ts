/**
 * Stands in for the Finance SDK's GetChatData and GetMediaData (API.md §15.1). The real SDK speaks a private
 * protocol; the simulator offers the same calls at the same boundary as JSON over HTTP:
 * - POST /finance/getchatdata {corpid, secret, seq, limit} → {errcode, errmsg, chatdata:[…]}
 * - POST /finance/getmediadata {corpid, secret, sdkfileid, indexbuf} → {errcode, errmsg, data (base64),
 *   outindexbuf, is_finish}, at most 512 KB a call.
 * Errors: 40013 unknown corp, 40001 not the corp's 会话存档 secret, 10000 bad parameters (the SDK's own code;
 * limit is 1–1000), 10005 unknown sdkfileid, 301053 chat archive not enabled.
 */
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { Corp } from '../state/corp';
import type { SimState } from '../state/sim-state';
import { UnknownMediaError } from './archive-media';

const credentials = { corpid: z.string().min(1), secret: z.string().min(1) };
const chatDataSchema = z.object({
  ...credentials,
  seq: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});
const mediaDataSchema = z.object({ ...credentials, sdkfileid: z.string().min(1), indexbuf: z.string() });

/** The corp the SDK was initialised for, or the SDK's error answer (already sent). */
function initSdk(state: SimState, res: Response, corpid: string, secret: string): Corp | undefined {
  const corp = state.corp(corpid);
  if (!corp) return void res.json({ errcode: 40013, errmsg: 'invalid corpid' });
  if (corp.identity.secrets.archive !== secret) {
    return void res.json({ errcode: 40001, errmsg: 'invalid credential' });
  }
  if (corp.archive.currentVersion === undefined) {
    return void res.json({ errcode: 301053, errmsg: 'chat archive not enabled' });
  }
  return corp;
}

export function financeSdkRouter(state: SimState): Router {
  const router = Router();
  router.post('/finance/getchatdata', express.json(), (req, res) => {
    const parsed = chatDataSchema.safeParse(req.body);
    if (!parsed.success) return void res.json({ errcode: 10000, errmsg: 'invalid params', chatdata: [] });
    const { corpid, secret, seq, limit } = parsed.data;
    const corp = initSdk(state, res, corpid, secret);
    if (corp) res.json({ errcode: 0, errmsg: 'ok', chatdata: corp.archive.after(seq, limit) });
  });
  router.post('/finance/getmediadata', express.json(), (req, res) => {
    const parsed = mediaDataSchema.safeParse(req.body);
    if (!parsed.success) return void res.json({ errcode: 10000, errmsg: 'invalid params' });
    const { corpid, secret, sdkfileid, indexbuf } = parsed.data;
    const corp = initSdk(state, res, corpid, secret);
    if (!corp) return;
    try {
      const chunk = corp.archive.media.chunk(sdkfileid, indexbuf);
      res.json({
        errcode: 0,
        errmsg: 'ok',
        data: chunk.data.toString('base64'),
        outindexbuf: chunk.outindexbuf,
        is_finish: chunk.is_finish,
      });
    } catch (error) {
      if (!(error instanceof UnknownMediaError)) throw error;
      res.json({ errcode: 10005, errmsg: 'invalid sdkfileid' });
    }
  });
  return router;
}
