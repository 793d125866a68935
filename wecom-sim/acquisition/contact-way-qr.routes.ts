/**
 * The image behind a contact way's qr_code URL: a real QR PNG, so the admin can show and download it and a
 * test can decode it. It encodes the way's scan address (what WeChat opens), answering 404 once deleted.
 */
import { Router } from 'express';
import QRCode from 'qrcode';
import type { SimState } from '../state/sim-state';

export function contactWayScanUrl(origin: string, corpId: string, configId: string): string {
  return `${origin}/sim/corps/${corpId}/contact-ways/${configId}`;
}

export function contactWayQrRouter(state: SimState): Router {
  const router = Router();
  router.get('/contact-way-qr/:corpId/:file', async (req, res) => {
    const corp = state.corp(req.params.corpId);
    const configId = req.params.file.replace(/\.png$/, '');
    let exists = false;
    try {
      exists = Boolean(corp?.contactWays.get(configId));
    } catch {
      exists = false;
    }
    if (!corp || !exists) {
      res.status(404).end();
      return;
    }
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const png = await QRCode.toBuffer(contactWayScanUrl(origin, corp.corpId, configId), {
      type: 'png',
      width: 430,
      margin: 2,
    });
    res.type('image/png').send(png);
  });
  return router;
}
