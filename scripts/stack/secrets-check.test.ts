import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkSecrets,
  KnownSecrets,
  knownSecretsOfRun,
  passwordsInSources,
  secretsInLine,
} from './secrets-check';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CORP_SECRET = 'Zm9vYmFyYmF6cXV4LXNlY3JldC1vZi10aGUtY29ycA1';
const ACCESS_TOKEN = 'dG9rZW4tdGhhdC10aGUtc2ltdWxhdG9yLWlzc3VlZC0xMjM0NTY3ODkw_abc-def';
const SECRETS_KEY = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=';

function known(...values: string[]): KnownSecrets {
  const secrets = new KnownSecrets();
  for (const value of values) secrets.add(value);
  return secrets;
}

describe('secrets in a log line', () => {
  it('finds a known value wherever it stands: JSON, a URL, between words', () => {
    const secrets = known(CORP_SECRET, ACCESS_TOKEN, SECRETS_KEY, 'Admin@12345');
    expect(secretsInLine(`{"msg":"gettoken","secret":"${CORP_SECRET}"}`, secrets)).toEqual([
      { kind: 'a secret the run used', value: CORP_SECRET },
    ]);
    expect(secretsInLine(`GET /cgi-bin/user/get?userid=a&access_token=${ACCESS_TOKEN} 200`, secrets)).toEqual(
      [{ kind: 'a secret the run used', value: ACCESS_TOKEN }],
    );
    expect(secretsInLine(`key is ${SECRETS_KEY}.`, secrets).map((f) => f.value)).toEqual([SECRETS_KEY]);
    expect(secretsInLine('login as 13700000001 with Admin@12345', secrets).map((f) => f.value)).toEqual([
      'Admin@12345',
    ]);
  });

  it('does not take a longer id for a known value it merely contains', () => {
    const secrets = known('abcdefgh12345678');
    expect(secretsInLine('id wmabcdefgh12345678xyz', secrets)).toEqual([]);
  });

  it('finds values of a secret’s shape it was not told of, and lets redacted ones be', () => {
    const none = known();
    expect(secretsInLine('fetch /cgi-bin/message/send?access_token=abcdefghijk failed', none)).toEqual([
      { kind: 'access_token in a URL', value: 'abcdefghijk' },
    ]);
    expect(secretsInLine('/cgi-bin/gettoken?corpid=ww1&corpsecret=s3cr3tvalue', none)).toEqual([
      { kind: 'corpsecret in a URL', value: 's3cr3tvalue' },
    ]);
    expect(secretsInLine('{"body":{"phone":"137","password":"Whatever9"}}', none)).toEqual([
      { kind: 'password field', value: 'Whatever9' },
    ]);
    expect(secretsInLine('{"encodingAesKey":"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"}', none)).toEqual([
      { kind: 'secret field', value: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' },
    ]);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
    expect(secretsInLine(`cookie scrm_session=${jwt}`, none)).toEqual([{ kind: 'session JWT', value: jwt }]);

    expect(secretsInLine('/cgi-bin/user/get?access_token=*** failed', none)).toEqual([]);
    expect(secretsInLine('{"password":"[Redacted]","secret":"<redacted>"}', none)).toEqual([]);
    expect(secretsInLine('{"passwordHash":"$2b$10$abcdefghijk","msg":"password changed"}', none)).toEqual([]);
  });

  it('reports a known value found by its shape too only once', () => {
    expect(secretsInLine(`?access_token=${ACCESS_TOKEN}`, known(ACCESS_TOKEN))).toHaveLength(1);
  });

  it('ignores values too short to tell from ordinary text', () => {
    const secrets = known('abc', 'short7!');
    expect(secrets.size).toBe(0);
    expect(secretsInLine('abc short7! {"password":"nope"}', secrets)).toEqual([]);
  });
});

describe('passwords the tests and the demo log in with, read from their sources', () => {
  it('takes every password literal, whatever the name it is given', () => {
    const file = path.join(dir, 'fixture.ts');
    fs.writeFileSync(
      file,
      [
        "export const ADMIN_PASSWORD = 'Admin@12345';",
        "const STAFF_PASSWORD: string = 'Staff1234';",
        "await agent.post('/api/auth/login').send({ phone: '1', password: 'Operator@123' });",
        "const body = { newPassword: 'NewAdmin@123', 'password': 'Quoted99' };",
        "const name = 'not a password';",
      ].join('\n'),
    );
    expect(passwordsInSources([file]).sort()).toEqual(
      ['Admin@12345', 'NewAdmin@123', 'Operator@123', 'Quoted99', 'Staff1234'].sort(),
    );
  });
});

describe('the secrets check of a run’s log directory', () => {
  it('counts files and lines, and names file:line with the value masked', () => {
    const logs = path.join(dir, 'logs');
    fs.mkdirSync(logs);
    fs.writeFileSync(path.join(logs, 'api.log'), `{"msg":"ok"}\n{"msg":"token ${ACCESS_TOKEN}"}\n`);
    fs.writeFileSync(path.join(logs, 'sim.log'), 'started\n\n');
    const issued = path.join(dir, 'issued-secrets.txt');
    fs.writeFileSync(issued, `${CORP_SECRET}\n${ACCESS_TOKEN}\n`);

    const result = checkSecrets(logs, knownSecretsOfRun(issued, { SECRETS_KEY }));
    expect(result.failed).toBe(true);
    expect(result.summary).toBe('✗ secrets      2 log files, 3 lines, 1 secrets');
    expect(result.findings).toEqual([
      {
        file: expect.stringMatching(/api\.log$/),
        line: 2,
        kind: 'a secret the run used',
        masked: `${ACCESS_TOKEN.slice(0, 4)}…(${ACCESS_TOKEN.length} characters)`,
      },
    ]);

    fs.writeFileSync(path.join(logs, 'api.log'), '{"msg":"ok"}\n');
    expect(checkSecrets(logs, knownSecretsOfRun(issued, { SECRETS_KEY }))).toEqual({
      summary: '✓ secrets      2 log files, 2 lines, 0 secrets',
      failed: false,
      findings: [],
    });
  });
});
