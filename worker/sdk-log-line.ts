import type { LogLevel, LogMetadata } from '@temporalio/common';
import { errorField } from './error-field';

export type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const PINO_LEVELS: Record<LogLevel, PinoLevel> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK's lifecycle lines that the worker's own interceptors report better: a failed activity attempt with
 * whether it is retried and which timeout ended it (worker/activity-failure-logging.ts), a failed workflow
 * told apart from a failed workflow task (workflows/log-failures.ts). The SDK's stay for debug.
 */
const REPORTED_BY_OUR_INTERCEPTORS = new Set(['Activity failed', 'Workflow failed']);

export interface PinoLine {
  level: PinoLevel;
  fields: Record<string, unknown>;
  msg: string;
}

/**
 * One log call of the SDK or of Temporal core as the line pino writes: its level mapped, its error without the
 * stack unless the line is an error or for debugging.
 */
export function sdkLogLine(level: LogLevel, message: string, meta: LogMetadata = {}): PinoLine {
  const pinoLevel =
    meta.sdkComponent === 'worker' && REPORTED_BY_OUR_INTERCEPTORS.has(message)
      ? 'debug'
      : PINO_LEVELS[level];
  const fields: Record<string, unknown> = {};
  // String keys only: the SDK's symbol-keyed timestamp is for its own buffering.
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'error' || key === 'err') {
      fields.err = errorField(value, pinoLevel === 'error' || pinoLevel === 'debug' || pinoLevel === 'trace');
    } else {
      fields[key] = value;
    }
  }
  return { level: pinoLevel, fields, msg: message };
}
