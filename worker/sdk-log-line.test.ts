import { ApplicationFailure } from '@temporalio/common';
import { sdkLogLine } from './sdk-log-line';

describe('sdkLogLine', () => {
  it('maps each SDK level to pino’s and keeps the metadata as fields', () => {
    expect(sdkLogLine('TRACE', 'a').level).toBe('trace');
    expect(sdkLogLine('DEBUG', 'a').level).toBe('debug');
    expect(sdkLogLine('INFO', 'a').level).toBe('info');
    expect(sdkLogLine('WARN', 'a').level).toBe('warn');
    expect(sdkLogLine('ERROR', 'a').level).toBe('error');
    expect(sdkLogLine('INFO', 'Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' })).toEqual({
      level: 'info',
      msg: 'Worker state changed',
      fields: { sdkComponent: 'worker', state: 'RUNNING' },
    });
  });

  it('leaves out the symbol-keyed timestamp the SDK adds for its own buffering', () => {
    const line = sdkLogLine('WARN', 'core says', {
      [Symbol.for('log_timestamp')]: 1n,
      target: 'temporal_sdk_core',
    });
    expect(line.fields).toEqual({ target: 'temporal_sdk_core' });
  });

  it('keeps the SDK’s own activity and workflow failure lines for debug: the interceptors report those', () => {
    const error = new Error('boom');
    expect(sdkLogLine('WARN', 'Activity failed', { sdkComponent: 'worker', error }).level).toBe('debug');
    expect(sdkLogLine('WARN', 'Workflow failed', { sdkComponent: 'worker', error }).level).toBe('debug');
    // The same words from workflow or activity code are theirs to keep.
    expect(sdkLogLine('WARN', 'Activity failed', { sdkComponent: 'activity' }).level).toBe('warn');
  });

  it('writes an error of a warning as its type and causes, without the stack', () => {
    const error = new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:7233') });
    expect(sdkLogLine('WARN', 'Connection lost', { error }).fields).toEqual({
      err: { type: 'Error', message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:7233' },
    });
    expect(
      sdkLogLine('WARN', 'x', { err: ApplicationFailure.create({ message: 'no', type: 'Busy' }) }).fields,
    ).toEqual({ err: { type: 'Busy', message: 'no' } });
  });

  it('hands pino the whole error, stack included, on error and debug lines', () => {
    const error = new Error('boom');
    expect(sdkLogLine('ERROR', 'Worker failed', { error }).fields.err).toBe(error);
    expect(sdkLogLine('DEBUG', 'Activity failed', { sdkComponent: 'worker', error }).fields.err).toBe(error);
  });
});
