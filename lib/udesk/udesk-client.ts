import { lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { outboundGet, readUpTo } from '../net/outbound-get';
import { publicOnlyLookup } from '../net/public-address';
import { signedUdeskQuery } from './open-api-signature';

/** Udesk answers `code: 1000` on success (open API v2); anything else is a refusal with its `message`. */
export const UDESK_OK = 1000;

const CHECK_TIMEOUT_MS = 10_000;

export type UdeskCheck =
  | { ok: true }
  /** Udesk answered and refused: its own code and message. */
  | { ok: false; reason: 'refused'; code: number; message: string }
  /** Nothing that speaks Udesk's API answered at that domain. */
  | { ok: false; reason: 'unreachable'; detail: string };

export interface UdeskCredentials {
  domain: string;
  adminEmail: string;
  apiToken: string;
}

/**
 * Where the open API of a Udesk domain is: `https://<domain>`, or, when UDESK_BASE_URL is set (tests, the local
 * stack), `<UDESK_BASE_URL>/<domain>` so the simulator can tell companies apart by the domain in the path.
 */
export function udeskApiRoot(domain: string, baseUrlOverride?: string): string {
  return baseUrlOverride ? `${baseUrlOverride}/${domain}` : `https://${domain}`;
}

/**
 * The one way the product talks to Udesk. It never logs and never puts the token in an error: only the signed
 * digest leaves the process.
 */
export class UdeskClient {
  constructor(private readonly options: { baseUrlOverride?: string; timeoutMs?: number } = {}) {}

  /**
   * 确定's check: one signed read (`GET /open_api_v1/agents`, the 客服 list, which every admin may read)
   * tells whether the domain, email and token belong together.
   */
  async checkCredentials({ domain, adminEmail, apiToken }: UdeskCredentials): Promise<UdeskCheck> {
    const url = new URL(`${udeskApiRoot(domain, this.options.baseUrlOverride)}/open_api_v1/agents`);
    for (const [key, value] of Object.entries(signedUdeskQuery(adminEmail, apiToken))) {
      url.searchParams.set(key, value);
    }
    let answer: { status: number; body: unknown };
    try {
      // The domain is what a user typed: unless UDESK_BASE_URL says where Udesk is, only a public host is asked.
      answer = await getJson(
        url,
        this.options.baseUrlOverride ? (lookup as LookupFunction) : publicOnlyLookup,
        this.options.timeoutMs ?? CHECK_TIMEOUT_MS,
      );
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'AbortError';
      return { ok: false, reason: 'unreachable', detail: timedOut ? '连接超时' : '无法连接' };
    }
    const { status, body } = answer;
    const code = (body as { code?: unknown } | null)?.code;
    if (typeof code !== 'number') {
      return { ok: false, reason: 'unreachable', detail: `HTTP ${status}，不是Udesk开放接口的应答` };
    }
    if (code === UDESK_OK) return { ok: true };
    const message = (body as { message?: unknown }).message;
    return { ok: false, reason: 'refused', code, message: typeof message === 'string' ? message : '' };
  }
}

/** An answer of Udesk's open API is a small JSON object; anything beyond this is not one. */
const MAX_ANSWER_BYTES = 1_000_000;

/**
 * One GET, its JSON body (null when it is not JSON). Redirects are not followed: one could lead anywhere, the
 * server's own network included, and Udesk's API does not redirect.
 */
async function getJson(
  url: URL,
  lookupAddress: LookupFunction,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await outboundGet(url, {
    lookup: lookupAddress,
    signal,
    headers: { accept: 'application/json' },
  });
  const bytes = await readUpTo(response, MAX_ANSWER_BYTES);
  let body: unknown = null;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    // Not JSON: not Udesk's open API.
  }
  return { status: response.statusCode ?? 0, body };
}
