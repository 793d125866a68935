/**
 * No secret in any log line (issue 18): after `npm test`, every file of the test profile's log directory is read for
 * the secrets the run used, by value and by shape.
 *   by value: what the simulator issued or was given (corp secrets, access_tokens, JS-SDK tickets, callback Token
 *     and EncodingAESKey: it lists them in SIM_ISSUED_SECRETS_FILE), SECRETS_KEY, the JWT secret, and the
 *     passwords the tests and the demo log in with (read from their sources, so a new one is covered too);
 *   by shape: an access_token or corpsecret in a URL, a "password" or secret field in JSON, a session JWT.
 *
 *   node --import tsx scripts/stack/secrets-check.ts   re-checks the last `npm test`'s logs
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '../../lib/config';
import { log } from './log';
import { ROOT, shortPath } from './paths';
import { profile as profileNamed, type Profile } from './profiles';

export interface SecretFinding {
  file: string;
  line: number;
  /** What it is ("access_token in a URL", "a known secret"). */
  kind: string;
  /** The value, cut to its first characters: the report must not leak it again. */
  masked: string;
}

export interface SecretsResult {
  /** The summary table's line: `✓ secrets      N log files, M lines, 0 secrets`. */
  summary: string;
  failed: boolean;
  findings: SecretFinding[];
}

/** Shorter values say too little to be told from ordinary text (ids, words). */
const MIN_SECRET_LENGTH = 8;
/** Values of URL-safe characters only are found by looking each such run of a line up (fast for thousands). */
const TOKEN_RUN = /[A-Za-z0-9_-]{8,}/g;
const TOKEN_LIKE = /^[A-Za-z0-9_-]+$/;
/** What a redacted value looks like: not a leak. */
const REDACTED = /^(\*+|\[?redacted\]?|<redacted>|\.\.\.|…)$/i;

const SHAPES: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'access_token in a URL', pattern: /[?&]access_token=([^&\s"'\\]+)/g },
  { kind: 'corpsecret in a URL', pattern: /[?&]corpsecret=([^&\s"'\\]+)/g },
  { kind: 'password field', pattern: /"(?:password|newPassword|oldPassword)"\s*:\s*"([^"]+)"/gi },
  {
    kind: 'secret field',
    pattern:
      /"(?:secret|corpsecret|corpSecret|encodingAesKey|encodingAESKey|aesKey|jwtSecret|secretsKey|access_token|accessToken)"\s*:\s*"([^"]+)"/g,
  },
  { kind: 'session JWT', pattern: /(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g },
];

export class KnownSecrets {
  private readonly tokens = new Set<string>();
  private readonly others: string[] = [];

  add(value: string | undefined): void {
    const text = value?.trim();
    if (!text || text.length < MIN_SECRET_LENGTH) return;
    if (TOKEN_LIKE.test(text)) this.tokens.add(text);
    else if (!this.others.includes(text)) this.others.push(text);
  }

  get size(): number {
    return this.tokens.size + this.others.length;
  }

  /** The known secrets in a line. */
  in(line: string): string[] {
    const found = (line.match(TOKEN_RUN) ?? []).filter((run) => this.tokens.has(run));
    for (const other of this.others) if (line.includes(other)) found.push(other);
    return found;
  }
}

const mask = (value: string) => `${value.slice(0, 4)}…(${value.length} characters)`;

/** The secrets in one line: known values, then values of a secret's shape (each value reported once). */
export function secretsInLine(line: string, known: KnownSecrets): Array<{ kind: string; value: string }> {
  const found = known.in(line).map((value) => ({ kind: 'a secret the run used', value }));
  for (const { kind, pattern } of SHAPES) {
    for (const match of line.matchAll(pattern)) {
      const value = match[1];
      if (value.length < MIN_SECRET_LENGTH || REDACTED.test(value)) continue;
      if (found.some((f) => f.value.includes(value) || value.includes(f.value))) continue;
      found.push({ kind, value });
    }
  }
  return found;
}

/** Passwords written in the sources of the tests and the demo (`password: '…'`, `ADMIN_PASSWORD = '…'`). */
export function passwordsInSources(files: string[]): string[] {
  const literal = /\b\w*password\w*['"]?(?:\s*:\s*string)?\s*[:=]\s*'([^'\n]+)'/gi;
  const found = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(literal)) found.add(match[1]);
  }
  return [...found];
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The file the simulator lists what it issues in (outside the log directory, which is what gets checked). */
export function emptyIssuedSecretsFile(profile: Profile): string {
  const file = path.join(profile.dir, 'issued-secrets.txt');
  fs.mkdirSync(profile.dir, { recursive: true });
  fs.writeFileSync(file, '');
  return file;
}

/** Everything the run's servers and tests were given as a secret. */
export function knownSecretsOfRun(issuedFile: string, env: NodeJS.ProcessEnv): KnownSecrets {
  const known = new KnownSecrets();
  if (fs.existsSync(issuedFile))
    for (const value of fs.readFileSync(issuedFile, 'utf8').split('\n')) known.add(value);
  known.add(env.SECRETS_KEY);
  known.add(env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  const sources = ['test', 'scripts/demo'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
  for (const password of passwordsInSources(sources)) known.add(password);
  return known;
}

/** Reads every file of `logDir` (not its subdirectories) and reports each secret found, masked. */
export function checkSecrets(logDir: string, known: KnownSecrets): SecretsResult {
  const files = fs.existsSync(logDir)
    ? fs
        .readdirSync(logDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(logDir, entry.name))
        .sort()
    : [];
  let lines = 0;
  const findings: SecretFinding[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    text.split('\n').forEach((line, index) => {
      if (!line) return;
      lines += 1;
      for (const { kind, value } of secretsInLine(line, known))
        findings.push({ file: shortPath(file), line: index + 1, kind, masked: mask(value) });
    });
  }
  const mark = findings.length ? '✗' : '✓';
  return {
    summary: `${mark} ${'secrets'.padEnd(12)} ${files.length} log files, ${lines} lines, ${findings.length} secrets`,
    failed: findings.length > 0,
    findings,
  };
}

/** Where each secret is: at most `shown` lines, then how many more. */
export function reportFindings(findings: SecretFinding[], shown = 20): void {
  if (!findings.length) return;
  log.fail(`secrets: ${findings.length} secret${findings.length === 1 ? '' : 's'} in the logs:`);
  for (const f of findings.slice(0, shown)) log.info(`    ${f.file}:${f.line}  ${f.kind}  ${f.masked}`);
  if (findings.length > shown) log.info(`    … and ${findings.length - shown} more`);
}

/** After `npm test`'s jest runs (the servers stopped, their logs complete). */
export function checkSecretsAfterRun(
  profile: Profile,
  issuedFile: string,
  env: NodeJS.ProcessEnv,
): SecretsResult {
  const result = checkSecrets(profile.logDir, knownSecretsOfRun(issuedFile, env));
  reportFindings(result.findings);
  return result;
}

if (require.main === module) {
  const test = profileNamed('test');
  const { summary, failed } = checkSecretsAfterRun(test, path.join(test.dir, 'issued-secrets.txt'), {
    ...process.env,
    SECRETS_KEY: process.env.SECRETS_KEY ?? readLocalSecretsKey(test),
  });
  log.info(summary);
  process.exitCode = failed ? 1 : 0;
}

/** The local key scripts/stack/secrets-key.ts keeps, without making one when there is none. */
function readLocalSecretsKey(profile: Profile): string | undefined {
  const file = path.join(profile.dir, 'secrets.key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}
