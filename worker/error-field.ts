import { ApplicationFailure } from '@temporalio/common';
import { failureCause } from '../workflows/failure-cause';

/**
 * An error as a log field (`err`). Whole, for pino's err serializer to write with its stack, on final failures
 * and debug lines; otherwise only its type and its causes' messages, so that an expected retry stays one short
 * line instead of a stack dump.
 */
export function errorField(error: unknown, withStack: boolean): unknown {
  if (withStack) return error;
  return { type: errorType(error), message: failureCause(error) };
}

/** What a retry policy's nonRetryableErrorTypes compares with: the failure's type, else the error's class. */
export function errorType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  if (error instanceof Error) return error.constructor?.name || error.name;
  return typeof error;
}
