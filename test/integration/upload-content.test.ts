import mongoose from 'mongoose';
import sharp from 'sharp';
import request from 'supertest';
import { qrPng } from '../../lib/qr/qr-png';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('uploads');
const ADMIN_MOBILE = '13700000871';
const IMAGE_RULE = '只能上传jpg/png格式图片，且不超过2M';
const VIDEO_RULE = '只能上传mp4格式视频，且不超过10M';
const NOT_WHAT_IT_SAYS = '文件内容与其格式不符：';
/** A text file someone renamed to .png or .mp4. */
const TEXT = Buffer.from('这是一个文本文件，只是把扩展名改成了图片或视频。\n'.repeat(4));

/** An ISO base media box: 32-bit size (itself included), 4-character type, payload. */
function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, Buffer.from(type, 'latin1'), body]);
}
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A small MP4 as encoders open one: an ftyp box (major brand, minor version, compatible brands), then mdat. */
function mp4(majorBrand = 'isom'): Buffer {
  const minorVersion = Buffer.alloc(4);
  minorVersion.writeUInt32BE(512);
  return Buffer.concat([
    box('ftyp', latin1(majorBrand), minorVersion, latin1('isomiso2avc1mp41')),
    box('free'),
    box('mdat', Buffer.alloc(64, 7)),
  ]);
}

/**
 * Issue 18 item 3, "uploads are checked by content, not by name": SOP media, 欢迎语 images and 群活码 images
 * take a file only when its own first bytes are an accepted type (lib/media/sniff-content-type.ts).
 */
describe('uploads are checked by their content, not their name', () => {
  let app: TestApp;
  let admin: ReturnType<typeof request.agent>;
  let png: Buffer;
  let jpeg: Buffer;

  beforeAll(async () => {
    app = await startTestApp('upload-content');
    await createTenant(TENANT, '上传检查企业', { adminMobile: ADMIN_MOBILE });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    png = await qrPng('upload', { width: 64, margin: 4 });
    jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3377ff' } })
      .jpeg()
      .toBuffer();
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const upload = (path: string, bytes: Buffer, filename: string, contentType: string) =>
    admin.post(path).attach('file', bytes, { filename, contentType });
  const refusal = (answer: request.Response) => ({
    status: answer.status,
    message: answer.body.error?.message,
  });
  /** Files of that name in a bucket (the suite's database is its own; a top-level key, as FerretDB wants). */
  const storedFiles = (bucket: string, filename: string) =>
    mongoose.connection.db!.collection(`${bucket}.files`).countDocuments({ filename });

  it('refuses a text file renamed .png at every image upload, storing nothing', async () => {
    for (const path of ['/api/sop/media', '/api/welcome-images']) {
      expect(refusal(await upload(path, TEXT, '海报.png', 'image/png'))).toEqual({
        status: 400,
        message: `${NOT_WHAT_IT_SAYS}${IMAGE_RULE}`,
      });
      // Empty, or shorter than any signature.
      expect(refusal(await upload(path, Buffer.alloc(0), '空.png', 'image/png')).status).toBe(400);
      expect(refusal(await upload(path, png.subarray(0, 5), '半张.png', 'image/png')).status).toBe(400);
    }
    // 群活码 images never trusted the declared type; they answer with their own rule.
    expect(refusal(await upload('/api/group-code-images', TEXT, '群码.png', 'image/png'))).toEqual({
      status: 400,
      message: IMAGE_RULE,
    });
    for (const bucket of ['sopMedia', 'welcomeImages']) {
      for (const name of ['海报.png', '空.png', '半张.png']) expect(await storedFiles(bucket, name)).toBe(0);
    }
  });

  it('refuses a text file, a PNG or a QuickTime movie named .mp4 as an SOP video', async () => {
    for (const [bytes, name] of [
      [TEXT, '介绍.mp4'],
      [png, '图片.mp4'],
      [mp4('qt  '), '苹果录屏.mp4'],
    ] as const) {
      expect(refusal(await upload('/api/sop/media', bytes, name, 'video/mp4'))).toEqual({
        status: 400,
        message: `${NOT_WHAT_IT_SAYS}${VIDEO_RULE}`,
      });
    }
  });

  it('takes a real PNG at every image upload, and serves it back byte for byte as image/png', async () => {
    for (const path of ['/api/sop/media', '/api/welcome-images', '/api/group-code-images']) {
      const stored = await upload(path, png, '二维码.png', 'image/png').expect(201);
      expect(stored.body).toMatchObject({ contentType: 'image/png', size: png.length });
    }
    const sop = await upload('/api/sop/media', png, '二维码.png', 'image/png').expect(201);
    const served = await fetch(sop.body.url as string);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('stores a JPEG named .png as the JPEG it is', async () => {
    for (const path of ['/api/sop/media', '/api/welcome-images']) {
      const stored = await upload(path, jpeg, '照片.png', 'image/png').expect(201);
      expect(stored.body.contentType).toBe('image/jpeg');
      const served = await fetch(stored.body.url as string);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('takes a real MP4 as an SOP video', async () => {
    const video = mp4();
    const stored = await upload('/api/sop/media', video, '产品介绍.mp4', 'video/mp4').expect(201);
    expect(stored.body).toMatchObject({ name: '产品介绍.mp4', contentType: 'video/mp4', size: video.length });
    const served = await fetch(stored.body.url as string);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(video);
  });
});
