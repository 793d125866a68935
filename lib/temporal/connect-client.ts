import { InterceptingCall, Metadata, status as grpcStatus, type Interceptor } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

class ClosableConnection extends Connection {
  shutdown = { closing: false };

  override async close(): Promise<void> {
    this.shutdown.closing = true;
    await super.close();
  }
}

/**
 * A Temporal client whose connection can be closed while calls are still under way. The SDK's retry
 * interceptor retries a call that got a retryable status from a timer; once the channel is closed, that retry
 * throws "Channel has been shut down" from the timer, uncaught, and takes the process (or a test file) down on
 * its way out. Here, once `connection.close()` has been called, no call is retried and a call made on the
 * closed channel ends as CANCELLED, which its caller sees as the rejected call it is.
 */
export async function connectTemporalClient(address: string, namespace: string): Promise<Client> {
  const shutdown = { closing: false };
  const retry = defaultGrpcRetryOptions();
  const connection = await ClosableConnection.connect({
    address,
    interceptors: [
      makeGrpcRetryInterceptor({
        delayFunction: retry.delayFunction,
        retryableDecider: (attempt, status) => !shutdown.closing && retry.retryableDecider(attempt, status),
      }),
      cancelledOnceClosed(shutdown),
    ],
  });
  (connection as ClosableConnection).shutdown = shutdown;
  return new Client({ connection, namespace });
}

/** Innermost interceptor: after close, a call never reaches the channel (which would throw) and ends CANCELLED. */
function cancelledOnceClosed(shutdown: { closing: boolean }): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(shutdown.closing ? closedChannelCall() : nextCall(options));
}

/** What InterceptingCall wraps (grpc-js does not export its interface by name). */
type InnerCall = ConstructorParameters<typeof InterceptingCall>[0];

function closedChannelCall(): InnerCall {
  return {
    start(_metadata, listener) {
      const status = {
        code: grpcStatus.CANCELLED,
        details: 'the Temporal connection is closed',
        metadata: new Metadata(),
      };
      // The SDK's retry interceptor hands its saved "message next" on with a final status, so a message (none)
      // comes first, as it does from a real call that failed.
      setImmediate(() => {
        listener?.onReceiveMessage?.(undefined);
        listener?.onReceiveStatus?.(status);
      });
    },
    sendMessage() {},
    sendMessageWithContext() {},
    startRead() {},
    halfClose() {},
    cancelWithStatus() {},
    getPeer: () => 'closed',
    getAuthContext: () => null,
  };
}
