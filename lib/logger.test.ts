import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from './logger';

describe('what the logger never writes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logger-'));
  const file = path.join(dir, 'log.jsonl');
  const before = process.env.LOG_FILE;
  beforeAll(() => (process.env.LOG_FILE = file));
  afterAll(() => {
    process.env.LOG_FILE = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the session cookie out of request lines, and passwords and secrets out of any line', () => {
    const log = createLogger('logger-test');
    // What pino-http logs of a request and its answer.
    log.info(
      {
        req: {
          method: 'POST',
          url: '/api/auth/login',
          headers: { cookie: 'scrm_session=eyJhbGc.eyJzdWI.sig', authorization: 'Bearer x' },
        },
        res: { statusCode: 200, headers: { 'set-cookie': 'scrm_session=eyJhbGc.eyJzdWI.sig; HttpOnly' } },
      },
      'request completed',
    );
    log.warn(
      { body: { phone: '137', password: 'Admin@12345' }, corp: { secrets: { app: 's3cret' } } },
      'odd',
    );
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/eyJ|Bearer|Admin@12345|s3cret/);
    const [request, odd] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(request.req).toEqual({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: '[redacted]', authorization: '[redacted]' },
    });
    expect(request.res.headers['set-cookie']).toBe('[redacted]');
    expect(odd.body).toEqual({ phone: '137', password: '[redacted]' });
    expect(odd.corp).toEqual({ secrets: '[redacted]' });
  });
});
