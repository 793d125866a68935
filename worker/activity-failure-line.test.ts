import { ActivityCancellationDetails, ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { activityFailureLine, type AttemptInfo } from './activity-failure-line';

const info = (overrides: Partial<AttemptInfo> = {}): AttemptInfo => ({
  activityType: 'syncDepartments',
  attempt: 1,
  workflowExecution: { workflowId: 'org-sync/t1/1', runId: 'r1' },
  workflowType: 'orgSyncWorkflow',
  retryPolicy: { maximumAttempts: 8 },
  startToCloseTimeoutMs: 300_000,
  heartbeatTimeoutMs: 10_000,
  ...overrides,
});

const busy = () => new Error('WeCom /department/list failed: -1 system busy');

describe('activityFailureLine', () => {
  it('a failed attempt that Temporal retries: one warn line with its attempt, cause and no stack', () => {
    expect(activityFailureLine({ info: info({ attempt: 2 }), error: busy(), elapsedMs: 40 })).toEqual({
      level: 'warn',
      msg: 'activity attempt failed',
      fields: {
        activityType: 'syncDepartments',
        workflowType: 'orgSyncWorkflow',
        workflowId: 'org-sync/t1/1',
        attempt: 2,
        willRetry: true,
        cause: 'WeCom /department/list failed: -1 system busy',
        errorType: 'Error',
      },
    });
  });

  it('the last attempt, a non-retryable failure or a non-retryable type: an error line with the error itself', () => {
    const last = activityFailureLine({ info: info({ attempt: 8 }), error: busy(), elapsedMs: 40 });
    expect(last?.level).toBe('error');
    expect(last?.msg).toBe('activity failed');
    expect(last?.fields).toMatchObject({ attempt: 8, willRetry: false });
    expect(last?.fields.err).toBeInstanceOf(Error);

    const refused = ApplicationFailure.nonRetryable('40001 invalid credential', 'WeComConfigurationError');
    expect(activityFailureLine({ info: info(), error: refused, elapsedMs: 40 })?.fields).toMatchObject({
      willRetry: false,
      errorType: 'WeComConfigurationError',
    });

    const typed = info({ retryPolicy: { nonRetryableErrorTypes: ['MissingKeyError'] } });
    class MissingKeyError extends Error {}
    expect(
      activityFailureLine({ info: typed, error: new MissingKeyError('no key'), elapsedMs: 1 })?.level,
    ).toBe('error');
  });

  it('without a limit on attempts (the server’s default policy) every failure is retried', () => {
    const line = activityFailureLine({
      info: info({ attempt: 40, retryPolicy: undefined }),
      error: busy(),
      elapsedMs: 1,
    });
    expect(line?.fields.willRetry).toBe(true);
  });

  it('names the timeout that ended the attempt: heartbeat before the start-to-close time, else start-to-close', () => {
    const timedOut = new ActivityCancellationDetails({ timedOut: true, notFound: true });
    const error = new CancelledFailure('TIMED_OUT');
    expect(activityFailureLine({ info: info(), error, cancellation: timedOut, elapsedMs: 15_000 })).toEqual({
      level: 'warn',
      msg: 'activity attempt failed',
      fields: expect.objectContaining({
        timeout: 'heartbeat',
        cause: 'heartbeat timeout: no heartbeat within 10 s',
        willRetry: true,
      }),
    });
    expect(
      activityFailureLine({ info: info(), error, cancellation: timedOut, elapsedMs: 305_000 })?.fields,
    ).toMatchObject({ timeout: 'start-to-close', cause: 'start-to-close timeout: not done within 300 s' });
    const noHeartbeat = info({ heartbeatTimeoutMs: undefined, attempt: 8 });
    expect(
      activityFailureLine({ info: noHeartbeat, error, cancellation: timedOut, elapsedMs: 1_000 }),
    ).toMatchObject({
      level: 'error',
      msg: 'activity failed',
      fields: { timeout: 'start-to-close' },
    });
  });

  it('an attempt stopped by the worker’s shutdown is expected: info, retried (error only on the last attempt)', () => {
    const shutdown = new ActivityCancellationDetails({ workerShutdown: true });
    // What the attempt threw is a consequence of the cancellation (an aborted WeCom call, say), not the cause.
    const error = new Error('This operation was aborted');
    expect(
      activityFailureLine({ info: info(), error, cancellation: shutdown, elapsedMs: 10_000 }),
    ).toMatchObject({
      level: 'info',
      fields: { willRetry: true, cause: 'the worker shut down' },
    });
    expect(
      activityFailureLine({ info: info({ attempt: 8 }), error, cancellation: shutdown, elapsedMs: 10_000 })
        ?.level,
    ).toBe('error');
  });

  it('a cancellation the workflow or the server asked for is no failure: no line', () => {
    for (const details of [
      { cancelRequested: true },
      { notFound: true },
      { paused: true },
      { reset: true },
    ]) {
      const cancellation = new ActivityCancellationDetails(details);
      expect(
        activityFailureLine({ info: info(), error: new CancelledFailure('x'), cancellation, elapsedMs: 1 }),
      ).toBe(undefined);
    }
  });
});
