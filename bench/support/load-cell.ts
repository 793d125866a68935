import autocannon from 'autocannon';
import { percentile } from './percentile';

/** One endpoint at one connection count, measured. */
export interface CellResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** 2xx answers. */
  ok: number;
  /** Answered with a status outside 2xx, or not answered (socket error, timeout). */
  errors: number;
  /** 2xx answers whose body was not the endpoint's real answer (a bench of empty pages cannot pass as fast). */
  wrongBodies: number;
  /** "200×1234, 429×2, timeouts×1": every outcome, counted. */
  outcomes: string;
}

export interface CellRequest {
  /** The request's address; its path and query are replaced per send when `next` is given. */
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A fresh request per send (e.g. a new signed callback each time). */
  next?: () => { path: string; body: string };
  /** Whether a 2xx body is the endpoint's real answer: a cheap check, it runs on every response. */
  verifyBody: (body: string) => boolean;
}

/**
 * Fires `request` over `connections` keep-alive connections for `seconds` with autocannon; latencies are taken
 * from every response (autocannon's own summary has no p95). A response that is slow beyond `timeoutSeconds`
 * counts as an error.
 */
export async function runCell(
  request: CellRequest,
  connections: number,
  seconds: number,
  timeoutSeconds = 30,
): Promise<CellResult> {
  const latencies: number[] = [];
  let wrongBodies = 0;
  const address = new URL(request.url);
  const instance = autocannon({
    url: address.origin,
    connections,
    duration: seconds,
    timeout: timeoutSeconds,
    requests: [
      {
        method: request.method ?? 'GET',
        path: `${address.pathname}${address.search}`,
        headers: request.headers,
        body: request.body,
        // autocannon copies even an undefined setupRequest over its default: only set when there is one.
        ...(request.next && {
          setupRequest: (sent: autocannon.Request) => ({ ...sent, ...request.next!() }),
        }),
        // A non-2xx is an error already, whatever its body.
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !request.verifyBody(body)) wrongBodies += 1;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const statuses = Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}×${count}`);
  if (result.timeouts) statuses.push(`timeouts×${result.timeouts}`);
  if (result.errors - result.timeouts > 0) statuses.push(`socket errors×${result.errors - result.timeouts}`);
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ok: Object.entries(result.statusCodeStats)
      .filter(([code]) => code.startsWith('2'))
      .reduce((sum, [, { count }]) => sum + count, 0),
    errors: result.non2xx + result.errors,
    wrongBodies,
    outcomes: statuses.join(', '),
  };
}
