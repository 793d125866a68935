/**
 * The frame every business API shares, in WeCom's order (API.md §0/§1): access_token from the query string only
 * (41001 missing, 40014 unknown, 42001 expired), then the token's secret kind (48002), then the endpoint's own
 * parameters. Answers are HTTP 200 with errcode/errmsg whatever happens.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import type { SimState } from '../state/sim-state';
import { WecomError } from '../wecom-error';
import { wecomErrorBody } from './error-body';

export interface WecomCall {
  state: SimState;
  corp: Corp;
  kind: SecretKind;
  /** Where the simulator was reached (scheme://host), for URLs it hands out such as a contact way's qr_code. */
  origin: string;
  /** A query parameter; the first value if repeated. */
  query(name: string): string | undefined;
  /** The body as received (media/upload reads its multipart form from it). */
  rawBody(): string;
  /** The JSON body parsed against the endpoint's schema; a missing or ill-typed body is 40058. */
  body<T extends z.ZodType>(schema: T): z.output<T>;
}

/** What the endpoint adds to `errcode: 0`; it may replace errmsg ("created", "updated", "deleted"). */
export type WecomResult = Record<string, unknown> & { errmsg?: string };

export interface WecomEndpointSpec {
  /** Secret kinds whose tokens may call this API; any other token gets 48002. */
  allowed: readonly SecretKind[];
  /** A contacts write (create/update/delete): refused with 48002 when the corp's contacts secret is read-only. */
  writesContacts?: boolean;
  /** List fields WeCom still includes, empty, in this endpoint's error bodies. */
  emptyOnError?: Readonly<Record<string, unknown>>;
  handle(call: WecomCall): WecomResult;
}

export function clientIp(req: Request): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export function firstQueryValue(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

export function sendWecomError(
  state: SimState,
  req: Request,
  res: Response,
  error: WecomError,
  emptyOnError?: Readonly<Record<string, unknown>>,
): void {
  res
    .status(200)
    .json(
      wecomErrorBody(error, { clientIp: clientIp(req), nowSeconds: state.clock.nowSeconds() }, emptyOnError),
    );
}

function parseJsonBody(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new WecomError(40058, 'request body is missing (is this a POST API?)');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new WecomError(40058, 'request body is not valid JSON');
  }
}

function authorize(
  state: SimState,
  req: Request,
  allowed: readonly SecretKind[],
): { corp: Corp; kind: SecretKind } {
  const accessToken = firstQueryValue(req, 'access_token');
  if (!accessToken) throw new WecomError(41001);
  const lookup = state.tokens.lookup(accessToken);
  if (lookup.status === 'unknown') throw new WecomError(40014);
  if (lookup.status === 'expired') throw new WecomError(42001);
  const corp = state.corp(lookup.grant.corpId);
  if (!corp) throw new WecomError(40014);
  if (!allowed.includes(lookup.grant.kind)) {
    throw new WecomError(48002, `the ${lookup.grant.kind} secret may not call this API`);
  }
  return { corp, kind: lookup.grant.kind };
}

export function wecomEndpoint(state: SimState, spec: WecomEndpointSpec): RequestHandler {
  return (req, res) => {
    try {
      const { corp, kind } = authorize(state, req, spec.allowed);
      if (spec.writesContacts && corp.contactsReadOnly) {
        throw new WecomError(48002, 'the contacts secret of this corp may only read (通讯录只读权限)');
      }
      const result = spec.handle({
        state,
        corp,
        kind,
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
        query: (name) => firstQueryValue(req, name),
        rawBody: () => (typeof req.body === 'string' ? req.body : ''),
        body: (schema) => {
          const parsed = schema.safeParse(parseJsonBody(req.body));
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new WecomError(40058, `${issue.path.join('.') || 'body'}: ${issue.message}`);
          }
          return parsed.data;
        },
      });
      res.status(200).json({ errcode: 0, errmsg: 'ok', ...result });
    } catch (error) {
      if (!(error instanceof WecomError)) throw error;
      sendWecomError(state, req, res, error, spec.emptyOnError);
    }
  };
}
