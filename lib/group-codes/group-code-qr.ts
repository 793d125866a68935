import sharp from 'sharp';
import { encodeQrPng, qrImage, qrPng } from '../qr/qr-png';

const QR_SIZE = 600;
/** The icon covers at most ~20% of the width: error correction level H restores up to 30% of the modules. */
const ICON_SIZE = 120;
const ICON_BORDER = 8;

/**
 * The 群活码 image (R-2.1.1-09, R-2.1.2-02): a QR of the landing link with the 活码图片 in its very centre on a
 * white rounded pad, as a PNG. Without an icon it is a plain QR (I-18).
 */
export async function renderGroupCodeQr(link: string, icon?: Buffer): Promise<Buffer> {
  const layout = { errorCorrectionLevel: 'H', width: QR_SIZE, margin: 2 } as const;
  if (!icon) return qrPng(link, layout);
  const inner = ICON_SIZE - 2 * ICON_BORDER;
  const resized = await sharp(icon).resize(inner, inner, { fit: 'cover' }).png().toBuffer();
  const pad = Buffer.from(
    `<svg width="${ICON_SIZE}" height="${ICON_SIZE}"><rect width="${ICON_SIZE}" height="${ICON_SIZE}" rx="16" ry="16" fill="#ffffff"/></svg>`,
  );
  const offset = Math.round((QR_SIZE - ICON_SIZE) / 2);
  return encodeQrPng(
    qrImage(link, layout).composite([
      { input: pad, left: offset, top: offset },
      { input: resized, left: offset + ICON_BORDER, top: offset + ICON_BORDER },
    ]),
  );
}

/** Where a scan of the 群活码 lands (R-2.1.1-10): the public page of the web app. */
export function groupCodeLandingUrl(publicUrl: string, tenantId: string, codeId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/group-code/${encodeURIComponent(tenantId)}/${codeId}`;
}
