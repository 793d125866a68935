import pino from 'pino';

const destinations = new Map<string, pino.DestinationStream>();

/**
 * Where the logs of this process go: stdout, or the file LOG_FILE names (`npm test` names one per project, so
 * the servers that integration tests run in their own process keep out of jest's output). One stream per file.
 */
function destination(): pino.DestinationStream | undefined {
  const file = process.env.LOG_FILE;
  if (!file) return undefined;
  let stream = destinations.get(file);
  if (!stream) {
    stream = pino.destination({ dest: file, append: true, mkdir: true, sync: true });
    destinations.set(file, stream);
  }
  return stream;
}

/**
 * Never written, whatever logs them: the session cookie pino-http's request and response lines carry in their
 * headers (the JWT a session is), and fields named for a password or a secret in what a caller logs.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'secret',
    'secrets',
    'corpsecret',
    'encodingAesKey',
    'aesKey',
    'accessToken',
    'access_token',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** The one logger: JSON lines, one child per component. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? 'info') {
  const options = { level, base: { component }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  const stream = destination();
  return stream ? pino(options, stream) : pino(options);
}

export type Logger = pino.Logger;
