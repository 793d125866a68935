/** Errors raised by the WeCom client, typed so callers (and Temporal retry policies) can tell them apart. */

/**
 * errcodes that mean our configuration is wrong: retrying cannot help, a person must fix the binding.
 * 404 is ours, not WeCom's: the client reports an HTTP 404 (a wrong base URL) with it.
 */
const CONFIGURATION_ERRCODES = new Set([404, 40001, 40013, 41002, 41004, 48002, 60020]);
/** errcodes that mean "try again later" (41063: a new mass send is still being dispatched to its members). */
const TRANSIENT_ERRCODES = new Set([-1, 6000, 41063, 45009, 45033]);
/** errcodes that mean the access token must be fetched again. */
export const TOKEN_REFRESH_ERRCODES = new Set([40014, 42001]);

export class WeComApiError extends Error {
  readonly kind: 'configuration' | 'transient' | 'business';

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeCom ${path} failed: ${errcode} ${errmsg}`);
    this.name = 'WeComApiError';
    this.kind = CONFIGURATION_ERRCODES.has(errcode)
      ? 'configuration'
      : TRANSIENT_ERRCODES.has(errcode) || TOKEN_REFRESH_ERRCODES.has(errcode)
        ? 'transient'
        : 'business';
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

/** The HTTP exchange itself failed (network, timeout, non-JSON answer): always worth a retry. */
export class WeComTransportError extends Error {
  readonly retryable = true;

  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`WeCom ${path} unreachable: ${message}`);
    this.name = 'WeComTransportError';
  }
}
