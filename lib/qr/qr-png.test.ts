import jsQR from 'jsqr';
import sharp from 'sharp';
import { renderGroupCodeQr } from '../group-codes/group-code-qr';
import { qrPng } from './qr-png';

/** The PNG's pixels as a scanner's decoder reads them, and what it decodes them to. */
async function scan(png: Buffer): Promise<{ width: number; height: number; text?: string; rgba: Buffer }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const code = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  return { width: info.width, height: info.height, text: code?.data, rgba: data };
}

const LANDING = 'http://127.0.0.1:3000/group-code/t-%E5%BA%97/6751f0c2a1b2c3d4e5f60718';

describe('QR images', () => {
  it.each([
    ['a short link at 300 px', 'http://127.0.0.1:3000/api/public/qr-preview', 300],
    ['a long link at 600 px', `${LANDING}?${'x'.repeat(180)}`, 600],
    ['a link at a size that is no multiple of its modules', LANDING, 431],
  ])('%s: a PNG of that size that scans back to the link', async (_case, text, width) => {
    const png = await qrPng(text, { width, margin: 2 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await scan(png)).toMatchObject({ width, height: width, text });
  });

  it('the 群活码 with its 活码图片 scans back to its landing page, the icon in colour at its centre', async () => {
    const red = await sharp({
      create: { width: 64, height: 64, channels: 3, background: { r: 220, g: 20, b: 30 } },
    })
      .png()
      .toBuffer();
    const plain = await scan(await renderGroupCodeQr(LANDING));
    expect(plain).toMatchObject({ width: 600, height: 600, text: LANDING });

    const withIcon = await scan(await renderGroupCodeQr(LANDING, red));
    expect(withIcon).toMatchObject({ width: 600, height: 600, text: LANDING });
    const centre = (300 * 600 + 300) * 4;
    expect([...withIcon.rgba.subarray(centre, centre + 3)]).toEqual([220, 20, 30]);
    // The white pad around the icon: 8 pixels inside the pad's edge, outside the icon.
    const onPad = (300 * 600 + 300 - 56) * 4;
    expect([...withIcon.rgba.subarray(onPad, onPad + 3)]).toEqual([255, 255, 255]);
  });
});
