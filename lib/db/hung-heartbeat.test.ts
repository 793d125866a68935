import { EventEmitter } from 'node:events';
import { heartbeatDeadlineMs, onHungHeartbeat } from './hung-heartbeat';

function fakeClient(options: { connectTimeoutMS?: number; heartbeatFrequencyMS?: number } = {}) {
  const events = new EventEmitter();
  const client = {
    options: { connectTimeoutMS: 1_000, heartbeatFrequencyMS: 500, ...options },
    on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener),
    off: (name: string, listener: (...args: unknown[]) => void) => events.off(name, listener),
  };
  const beat = (event: 'Started' | 'Succeeded' | 'Failed', connectionId = 'db:27017') =>
    events.emit(`serverHeartbeat${event}`, { connectionId });
  return { client: client as unknown as Parameters<typeof onHungHeartbeat>[0], beat, events };
}

describe('onHungHeartbeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives a heartbeat two connect timeouts and a heartbeat interval, the driver’s defaults when unset', () => {
    expect(heartbeatDeadlineMs({ connectTimeoutMS: 1_000, heartbeatFrequencyMS: 500 })).toBe(2_500);
    expect(heartbeatDeadlineMs({})).toBe(70_000);
  });

  it('stays quiet while heartbeats end, whether they succeed or fail', () => {
    const { client, beat } = fakeClient();
    const hung = jest.fn();
    onHungHeartbeat(client, hung);
    for (let i = 0; i < 10; i++) {
      beat('Started');
      jest.advanceTimersByTime(2_000);
      beat(i % 2 ? 'Succeeded' : 'Failed');
      jest.advanceTimersByTime(2_000);
    }
    expect(hung).not.toHaveBeenCalled();
  });

  it('calls back once, with the server, when a heartbeat never ends', () => {
    const { client, beat } = fakeClient();
    const hung = jest.fn();
    onHungHeartbeat(client, hung);
    beat('Started', 'db-a:27017');
    beat('Started', 'db-b:27017');
    beat('Succeeded', 'db-b:27017');
    jest.advanceTimersByTime(2_499);
    expect(hung).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(hung).toHaveBeenCalledWith('db-a:27017');
    beat('Started', 'db-a:27017');
    jest.advanceTimersByTime(10_000);
    expect(hung).toHaveBeenCalledTimes(1);
  });

  it('stops watching when unwatched', () => {
    const { client, beat, events } = fakeClient();
    const hung = jest.fn();
    const unwatch = onHungHeartbeat(client, hung);
    beat('Started');
    unwatch();
    jest.advanceTimersByTime(10_000);
    expect(hung).not.toHaveBeenCalled();
    expect(events.listenerCount('serverHeartbeatStarted')).toBe(0);
  });
});
