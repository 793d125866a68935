import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { failureCause } from './failure-cause';

describe('failureCause', () => {
  it('joins a failure’s message with its causes’, outermost first', () => {
    const cause = ApplicationFailure.nonRetryable(
      'WeCom /user/list failed: 40001 invalid credential',
      'WeComConfigurationError',
    );
    const failure = new ActivityFailure(
      'Activity task failed',
      'syncDepartments',
      '1',
      RetryState.NON_RETRYABLE_FAILURE,
      'worker',
      cause,
    );
    expect(failureCause(failure)).toBe(
      'Activity task failed: WeCom /user/list failed: 40001 invalid credential',
    );
  });

  it('leaves out the activity wrapper when asked, keeping the activity error’s own causes', () => {
    const cause = ApplicationFailure.create({
      message: 'fetch failed',
      cause: new Error('connect ECONNREFUSED 127.0.0.1:8443'),
    });
    const failure = new ActivityFailure(
      'Activity task failed',
      'syncCustomerPage',
      '1',
      RetryState.MAXIMUM_ATTEMPTS_REACHED,
      'worker',
      cause,
    );
    expect(failureCause(failure, { activityWrapper: 'omit' })).toBe(
      'fetch failed: connect ECONNREFUSED 127.0.0.1:8443',
    );
    expect(failureCause(new Error('not an activity'), { activityWrapper: 'omit' })).toBe('not an activity');
  });

  it('says a repeated message once and takes anything thrown', () => {
    expect(failureCause(new Error('busy', { cause: new Error('busy') }))).toBe('busy');
    expect(failureCause('plain text')).toBe('plain text');
  });

  it('stops on a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(failureCause(a).split(': ').length).toBeLessThanOrEqual(8);
  });
});
