import { qrPng } from '../../../lib/qr/qr-png';

/** What a scan of an unsaved code's preview opens (R-2.2.2-13/14/16): a page saying it is only a preview. */
export function previewPageUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/public/qr-preview`;
}

/** The plain QR the form shows while a code is not saved yet. */
export function previewQrPng(publicUrl: string): Promise<Buffer> {
  return qrPng(previewPageUrl(publicUrl), { width: 300, margin: 2 });
}

export const PREVIEW_PAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>员工活码</title></head>
<body style="font-family:sans-serif;display:flex;align-items:center;justify-content:center;height:90vh;color:#555">
<p>二维码仅供预览</p></body></html>`;

/** WeCom's QR image of a saved code, fetched for 下载二维码 (the browser cannot download across origins). */
export async function fetchWeComQr(qrCode: string): Promise<Buffer> {
  const response = await fetch(qrCode, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`QR image answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
