import { asyncLocalStorage } from '@temporalio/activity';

/**
 * The cancellation signal of the activity the calling code runs in, for clients that abort their calls with
 * it (lib/wecom/client.ts); undefined outside activities (the worker's start-up).
 */
export function currentActivityCancellation(): AbortSignal | undefined {
  return asyncLocalStorage.getStore()?.cancellationSignal;
}
