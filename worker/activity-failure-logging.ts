import type { Context } from '@temporalio/activity';
import type {
  ActivityExecuteInput,
  ActivityInboundCallsInterceptor,
  ActivityInterceptorsFactory,
  Next,
} from '@temporalio/worker';
import type { Logger } from '../lib/logger';
import { activityFailureLine } from './activity-failure-line';

/** An activity interceptor that logs every failed attempt once (activityFailureLine) and changes nothing else. */
export function activityFailureLogging(log: Logger): ActivityInterceptorsFactory {
  return (context) => ({ inbound: new ActivityFailureLogging(context, log) });
}

class ActivityFailureLogging implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly context: Context,
    private readonly log: Logger,
  ) {}

  async execute(
    input: ActivityExecuteInput,
    next: Next<ActivityInboundCallsInterceptor, 'execute'>,
  ): Promise<unknown> {
    const began = Date.now();
    try {
      const result = await next(input);
      // An attempt that finishes after its timeout has failed all the same: the server drops the result.
      if (this.cancellation()?.timedOut) this.report(this.context.cancellationSignal.reason, began);
      return result;
    } catch (error) {
      this.report(error, began);
      throw error;
    }
  }

  private cancellation() {
    return this.context.cancellationSignal.aborted ? this.context.cancellationDetails : undefined;
  }

  private report(error: unknown, began: number): void {
    const line = activityFailureLine({
      info: this.context.info,
      error,
      cancellation: this.cancellation(),
      elapsedMs: Date.now() - began,
    });
    if (line) this.log[line.level](line.fields, line.msg);
  }
}
