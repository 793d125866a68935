import { createHash } from 'node:crypto';
import { WeComCallBudget } from './call-budget';
import { TOKEN_REFRESH_ERRCODES, WeComApiError, WeComTransportError } from './errors';

/** Each WeCom secret gives its own token; APIs accept only the token of the right secret. */
export type SecretKind = 'contacts' | 'externalContact' | 'app' | 'archive';

export interface WeComCredentials {
  tenantId: string;
  corpId: string;
  secretKind: SecretKind;
  secret: string;
}

export interface WeComRequest {
  method: 'GET' | 'POST';
  /** Path under /cgi-bin, e.g. `/department/list`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

interface WeComEnvelope {
  errcode?: number;
  errmsg?: string;
}

/** errcode recorded for a call that got no WeCom answer at all (network, timeout, not JSON). */
export const TRANSPORT_FAILURE = -999;

/** What the client reports about each exchange, for the WeCom health panel; must be cheap and never throw. */
export interface WeComCallObserver {
  callFinished(call: { tenantId: string; path: string; errcode: number }): void;
  tokenIssued(token: { tenantId: string; secretKind: SecretKind; expiresAt: Date }): void;
}

export interface WeComClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  now?: () => number;
  observer?: WeComCallObserver;
  /**
   * The cancellation of the work a call is made for, read at each call (the worker's: the running activity's),
   * so that stopped work does not wait out WeCom's answer. The call then throws the signal's reason.
   */
  cancellation?: () => AbortSignal | undefined;
  /** WeCom's frequency limits, spent by every call of this client (default: WeCom's published limits). */
  budget?: WeComCallBudget;
}

/** 45009: the API's frequency limit is hit; 45033: too many concurrent calls of it (API.md §2). */
const FREQUENCY_LIMITED = 45009;
const TOO_MANY_CONCURRENT = 45033;
/** 45033 is retried here a few times, each after a longer pause, before it reaches the caller. */
const CONCURRENCY_PAUSES_MS = [200, 500, 1_000];

// Refresh a little before WeCom's stated expiry so a token never dies in flight.
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * The one way to call WeCom. Tokens are cached per tenant and secret kind and fetched again,
 * with one retry of the call, when WeCom says the token is invalid (40014) or expired (42001).
 */
export class WeComClient {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly budget: WeComCallBudget;

  constructor(private readonly options: WeComClientOptions) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.budget = options.budget ?? new WeComCallBudget();
  }

  async call<T>(credentials: WeComCredentials, request: WeComRequest): Promise<T & WeComEnvelope> {
    const token = await this.accessToken(credentials);
    try {
      return await this.callWithToken<T>(credentials.tenantId, token, request);
    } catch (error) {
      if (error instanceof WeComApiError && TOKEN_REFRESH_ERRCODES.has(error.errcode)) {
        this.tokens.delete(cacheKey(credentials));
        return this.callWithToken<T>(credentials.tenantId, await this.accessToken(credentials), request);
      }
      throw error;
    }
  }

  /**
   * Fetches a token with these credentials now, whatever the cache holds: the live check of a secret
   * (binding page, setup doctor). Throws WeCom's own error when the corpid or secret is wrong.
   */
  async checkSecret(credentials: WeComCredentials): Promise<void> {
    this.tokens.delete(cacheKey(credentials));
    await this.accessToken(credentials);
  }

  private async accessToken(credentials: WeComCredentials): Promise<string> {
    const key = cacheKey(credentials);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.token;

    const answer = (await this.recorded(credentials.tenantId, {
      method: 'GET',
      path: '/gettoken',
      query: { corpid: credentials.corpId, corpsecret: credentials.secret },
    })) as { access_token: string; expires_in: number };
    const expiresAt = this.now() + answer.expires_in * 1000 - EXPIRY_MARGIN_MS;
    this.tokens.set(key, { token: answer.access_token, expiresAt });
    this.options.observer?.tokenIssued({
      tenantId: credentials.tenantId,
      secretKind: credentials.secretKind,
      expiresAt: new Date(this.now() + answer.expires_in * 1000),
    });
    return answer.access_token;
  }

  private callWithToken<T>(
    tenantId: string,
    token: string,
    request: WeComRequest,
  ): Promise<T & WeComEnvelope> {
    return this.recorded<T>(tenantId, { ...request, query: { ...request.query, access_token: token } });
  }

  /**
   * One call within the budget: it waits for room (or is refused with WeComRateLimitedError), a 45009 closes
   * the API to this tenant for WeCom's penalty minute, and a 45033 is tried again after a pause.
   */
  private async recorded<T>(tenantId: string, request: WeComRequest): Promise<T & WeComEnvelope> {
    const cancellation = this.options.cancellation?.();
    for (let attempt = 0; ; attempt += 1) {
      const release = await this.budget.acquire(tenantId, request.path, cancellation);
      let pause: number | undefined;
      try {
        return await this.observed<T>(tenantId, request, cancellation);
      } catch (error) {
        const errcode = error instanceof WeComApiError ? error.errcode : undefined;
        if (errcode === FREQUENCY_LIMITED) this.budget.penalize(tenantId, request.path);
        pause = errcode === TOO_MANY_CONCURRENT ? CONCURRENCY_PAUSES_MS[attempt] : undefined;
        if (pause === undefined) throw error;
      } finally {
        release();
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** One exchange, reported to the observer with its outcome (0, WeCom's errcode, or TRANSPORT_FAILURE). */
  private async observed<T>(
    tenantId: string,
    request: WeComRequest,
    cancellation: AbortSignal | undefined,
  ): Promise<T & WeComEnvelope> {
    const observer = this.options.observer;
    try {
      const answer = await this.exchange<T>(request, cancellation);
      observer?.callFinished({ tenantId, path: request.path, errcode: 0 });
      return answer;
    } catch (error) {
      // Stopped by us, not failed by WeCom: not counted against WeCom, and the cancellation goes on as it is.
      if (cancellation?.aborted) throw cancellation.reason;
      const errcode = error instanceof WeComApiError ? error.errcode : TRANSPORT_FAILURE;
      observer?.callFinished({ tenantId, path: request.path, errcode });
      throw error;
    }
  }

  private async exchange<T>(
    request: WeComRequest,
    cancellation: AbortSignal | undefined,
  ): Promise<T & WeComEnvelope> {
    const url = new URL(`${this.options.baseUrl}/cgi-bin${request.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    // A FormData body (media/upload) goes as multipart, with the boundary fetch chooses; anything else is JSON.
    const multipart = request.body instanceof FormData;
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: request.body === undefined || multipart ? undefined : { 'content-type': 'application/json' },
        body:
          request.body === undefined
            ? undefined
            : multipart
              ? (request.body as FormData)
              : JSON.stringify(request.body),
        signal: cancellation
          ? AbortSignal.any([AbortSignal.timeout(this.timeoutMs), cancellation])
          : AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new WeComTransportError((error as Error).message, request.path);
    }
    if (response.status === 404) {
      // WeCom answers unknown paths with an empty 404: a wrong base URL or API path, not a transient fault.
      throw new WeComApiError(404, 'unknown API path (HTTP 404)', request.path);
    }
    if (!response.ok) throw new WeComTransportError(`HTTP ${response.status}`, request.path);

    let body: T & WeComEnvelope;
    try {
      body = (await response.json()) as T & WeComEnvelope;
    } catch {
      throw new WeComTransportError('answer is not JSON', request.path);
    }
    // gettoken's success historically omits errcode: a missing errcode is success.
    const errcode = body.errcode ?? 0;
    if (errcode !== 0) throw new WeComApiError(errcode, body.errmsg ?? '', request.path);
    return body;
  }
}

// The secret's hash is part of the key so that a changed secret never reuses the old secret's token.
function cacheKey(credentials: WeComCredentials): string {
  const secretHash = createHash('sha256').update(credentials.secret).digest('hex').slice(0, 16);
  return `${credentials.tenantId}:${credentials.corpId}:${credentials.secretKind}:${secretHash}`;
}
