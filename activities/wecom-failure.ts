import { ApplicationFailure } from '@temporalio/activity';
import { WeComRateLimitedError } from '../lib/wecom/call-budget';
import { WeComApiError } from '../lib/wecom/errors';

/**
 * Turns WeCom errors into Temporal failures: a wrong binding or a refused request will not get better
 * by retrying, so those fail at once (and show in the Temporal UI with WeCom's errcode); a call the budget held
 * back is retried when the budget has room again (not sooner); transient and network errors are rethrown as
 * they are and retried by the activity's policy.
 */
export async function withWeComFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WeComRateLimitedError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: 'WeComRateLimited',
        details: [{ path: error.path }],
        nextRetryDelay: error.retryAfterMs,
      });
    }
    if (error instanceof WeComApiError && !error.retryable) {
      throw ApplicationFailure.nonRetryable(error.message, `WeCom${capitalize(error.kind)}Error`, {
        errcode: error.errcode,
        path: error.path,
      });
    }
    throw error;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
