import { connectTemporalClient } from '../../lib/temporal/connect-client';
import { stackEnv } from '../support/stack-env';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay';

/**
 * Closing the Temporal client while calls are under way: the api, the worker and every test harness do it on
 * their way out. A call backing off after an UNAVAILABLE answer, or one made after the close, must end as a
 * rejected call; before, its retry timer threw "Channel has been shut down" uncaught, which failed test files
 * whose every test had passed. An uncaught throw would fail this file the same way.
 */
describe('closing the Temporal client with calls under way', () => {
  let relay: TcpRelay;

  beforeAll(async () => {
    const [host, port] = stackEnv.temporalAddress.split(':');
    relay = await startTcpRelay({ host, port: Number(port) });
  });

  afterAll(() => relay.close());

  it('ends a call that is backing off between retries, and a call made after the close', async () => {
    relay.restore();
    const temporal = await connectTemporalClient(`${relay.host}:${relay.port}`, 'default');
    relay.cut();
    const backingOff = temporal.workflow
      .getHandle('connection-close/backing-off')
      .describe()
      .then(
        () => 'answered',
        (error: Error) => error.message,
      );
    // The first attempts fail at once on the cut relay; the call then waits in the retry interceptor's timer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(relay.dropped).toBeGreaterThan(0);

    await temporal.connection.close();
    await expect(backingOff).resolves.toBe('Failed to describe workflow');
    await expect(temporal.workflow.getHandle('connection-close/after').describe()).rejects.toThrow(
      'Failed to describe workflow',
    );
    // Long enough for any retry timer scheduled before the close to fire.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }, 30_000);
});
