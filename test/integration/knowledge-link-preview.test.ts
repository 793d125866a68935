import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('kb-link-preview');
const ADMIN_MOBILE = '13700000153';
type Agent = ReturnType<typeof request.agent>;

/**
 * 新增常用链接's card read from the page (issue 15 item 3), against pages this test serves on 127.0.0.1: so its
 * api allows private addresses. That they are refused by default is in knowledge.test.ts.
 */
describe('知识库 link preview (LINK_PREVIEW_ALLOW_PRIVATE on: the pages are on this machine)', () => {
  let app: TestApp;
  let admin: Agent;
  let server: Server;
  let base = '';
  const pages: Record<
    string,
    { status?: number; type?: string; body?: string; location?: string; delay?: number; gzip?: boolean }
  > = {
    '/og': {
      body: `<html><head><title>标题</title><meta property="og:title" content="  开放标题 ">
          <meta property="og:description" content="开放描述"><meta property="og:image" content="/cover.png">
          </head><body>正文</body></html>`,
    },
    '/plain': {
      body: `<html><head><title>普通标题</title><meta name="description" content="普通描述"></head></html>`,
    },
    '/long': { body: `<title>${'长'.repeat(60)}</title>` },
    '/r1': { status: 302, location: '/r2' },
    '/r2': { status: 301, location: '/r3' },
    '/r3': { status: 302, location: '/plain' },
    '/r0': { status: 302, location: '/r1' },
    '/gzip': { gzip: true, body: '<title>压缩标题</title>' },
    '/json': { type: 'application/json', body: '{"title":"x"}' },
    '/missing': { status: 404, body: '<title>不存在</title>' },
    '/slow': { delay: 7_000, body: '<title>慢</title>' },
  };

  beforeAll(async () => {
    app = await startTestApp('knowledge-link-preview', { LINK_PREVIEW_ALLOW_PRIVATE: 'true' });
    await createTenant(TENANT, '链接预览企业', { adminMobile: ADMIN_MOBILE });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (!page) return res.writeHead(404).end();
      const answer = () => {
        if (page.location) return res.writeHead(page.status ?? 302, { location: page.location }).end();
        const type = { 'content-type': page.type ?? 'text/html; charset=utf-8' };
        if (page.gzip)
          return res.writeHead(200, { ...type, 'content-encoding': 'gzip' }).end(gzipSync(page.body ?? ''));
        res.writeHead(page.status ?? 200, type);
        res.end(page.body);
      };
      if (page.delay) setTimeout(answer, page.delay).unref();
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await app?.stop();
  });

  const preview = async (url: string) =>
    (await admin.get('/api/knowledge/link-preview').query({ url }).expect(200)).body;
  const EMPTY = { title: '', description: '', coverUrl: '' };

  it('reads og: tags first, else the title and description, after up to three redirects', async () => {
    expect(await preview(`${base}/og`)).toEqual({
      title: '开放标题',
      description: '开放描述',
      coverUrl: `${base}/cover.png`,
    });
    expect(await preview(`${base}/plain`)).toEqual({
      title: '普通标题',
      description: '普通描述',
      coverUrl: '',
    });
    expect((await preview(`${base}/long`)).title).toBe('长'.repeat(40));
    expect(await preview(`${base}/r1`)).toEqual({
      title: '普通标题',
      description: '普通描述',
      coverUrl: '',
    });
    expect(await preview(`${base}/r0`)).toEqual(EMPTY);
    expect((await preview(`${base}/gzip`)).title).toBe('压缩标题');
  });

  it('answers empty fields for what it cannot read, and refuses what is not an http(s) address', async () => {
    expect(await preview(`${base}/json`)).toEqual(EMPTY);
    expect(await preview(`${base}/missing`)).toEqual(EMPTY);
    expect(await preview('http://127.0.0.1:9/')).toEqual(EMPTY);
    const began = Date.now();
    expect(await preview(`${base}/slow`)).toEqual(EMPTY);
    expect(Date.now() - began).toBeLessThan(6_500);
    const refused = await admin
      .get('/api/knowledge/link-preview')
      .query({ url: 'file:///etc/passwd' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('请输入以http://或https://开头的有效链接');
  }, 20_000);
});
