/**
 * Errors of the scenario API (/sim), answered as JSON `{error}` with an HTTP status. Rule violations from the
 * address book keep their WeCom errcode so a test can tell 60104 from 60102.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { WecomError } from '../wecom-error';

export class ScenarioError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const NOT_FOUND_CODES = new Set([60003, 60111]);
const CONFLICT_CODES = new Set([60008, 60102, 60104, 60106]);

function statusForWecomError(error: WecomError): number {
  if (NOT_FOUND_CODES.has(error.errcode)) return 404;
  if (CONFLICT_CODES.has(error.errcode)) return 409;
  return 400;
}

/** express.json() marks unparsable bodies with type "entity.parse.failed". */
function isBodyParseError(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'entity.parse.failed';
}

export function scenarioErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (error instanceof ScenarioError) {
      res.status(error.status).json({ error: error.message });
    } else if (error instanceof WecomError) {
      res.status(statusForWecomError(error)).json({ error: error.message, errcode: error.errcode });
    } else if (isBodyParseError(error)) {
      res.status(400).json({ error: 'request body is not valid JSON' });
    } else {
      logger.error({ err: error }, 'scenario request failed');
      res.status(500).json({ error: 'internal simulator error' });
    }
  };
}
