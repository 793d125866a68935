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
  const pinoLevel = PINO_LEVELS[level];
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
