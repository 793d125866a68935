import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'node:dns';
import { Readable } from 'node:stream';
import { outboundGet, readUpTo } from './outbound-get';
import { publicOnlyLookup } from './public-address';

describe('readUpTo', () => {
  it('keeps the first bytes up to the limit and closes the stream', async () => {
    const body = Readable.from([Buffer.from('abcd'), Buffer.from('efgh'), Buffer.from('ijkl')]);
    expect((await readUpTo(body, 6)).toString()).toBe('abcdef');
    expect(body.destroyed).toBe(true);
  });

  it('reads a short body whole', async () => {
    expect((await readUpTo(Readable.from([Buffer.from('ok')]), 100)).toString()).toBe('ok');
  });
});

describe('outboundGet', () => {
  const server = createServer((req, res) => {
    res.setHeader('location', '/elsewhere');
    res.writeHead(req.url === '/moved' ? 302 : 200);
    res.end(req.headers.accept ?? '');
  });
  let url: URL;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://localhost:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the headers and hands back the response unread, redirects not followed', async () => {
    const response = await outboundGet(new URL('/moved', url), {
      lookup: lookup as never,
      signal: AbortSignal.timeout(5000),
      headers: { accept: 'text/plain' },
    });
    expect(response.statusCode).toBe(302);
    expect((await readUpTo(response, 100)).toString()).toBe('text/plain');
  });

  it('refuses a name that resolves to the server’s own network under publicOnlyLookup', async () => {
    await expect(
      outboundGet(url, { lookup: publicOnlyLookup, signal: AbortSignal.timeout(5000), headers: {} }),
    ).rejects.toMatchObject({ code: 'ERR_ADDRESS_NOT_PUBLIC' });
  });
});
