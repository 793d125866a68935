import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import type { Logger } from '../lib/logger';
import { sdkLogLine } from './sdk-log-line';

/**
 * The Temporal SDK's Logger interface over the project's pino logger: what the SDK, Temporal core (forwarded
 * by the Runtime), workflow `log` and activity `log` say becomes JSON lines beside the worker's own.
 */
export class PinoSdkLogger implements SdkLogger {
  constructor(private readonly pino: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const line = sdkLogLine(level, message, meta);
    this.pino[line.level](line.fields, line.msg);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
