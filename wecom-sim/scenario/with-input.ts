/**
 * One zod schema per part of a scenario request (params, query, body); the handler receives the parsed,
 * typed values, and bad input becomes a 400 naming what was wrong.
 */
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { ScenarioError } from './scenario-error';

interface InputSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type ParsedInput<S extends InputSchemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never;
};

export function withInput<S extends InputSchemas>(
  schemas: S,
  handler: (input: ParsedInput<S>, res: Response) => Promise<void> | void,
): RequestHandler {
  return async (req, res) => {
    const input: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const parsed = schema.safeParse(req[part] ?? {});
      if (!parsed.success) throw new ScenarioError(400, `invalid ${part}: ${z.prettifyError(parsed.error)}`);
      input[part] = parsed.data;
    }
    await handler(input as ParsedInput<S>, res);
  };
}
