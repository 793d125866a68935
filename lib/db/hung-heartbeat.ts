import type { mongo } from 'mongoose';

/** The client's events this needs: a MongoClient, or a stand-in in a unit test. */
type HeartbeatSource = Pick<mongo.MongoClient, 'on' | 'off'> & {
  options: Pick<mongo.MongoClientOptions, 'connectTimeoutMS' | 'heartbeatFrequencyMS'>;
};

/**
 * The longest a heartbeat can take and still end on its own: a new monitoring connection's connect and
 * handshake each have connectTimeoutMS, and an awaited heartbeat waits heartbeatFrequencyMS on top.
 */
export function heartbeatDeadlineMs(options: HeartbeatSource['options']): number {
  return 2 * (options.connectTimeoutMS ?? 30_000) + (options.heartbeatFrequencyMS ?? 10_000);
}

/**
 * Calls `onHung` (once) when one of the driver's server heartbeats neither succeeds nor fails within its
 * deadline. The driver (mongodb 6.20 to 7.9) can leave one waiting for good: a heartbeat that writes to its
 * monitoring connection just as every socket to the server is dropped waits for a `drain` the closed socket
 * never emits. No heartbeat then comes again, so the server stays unselectable although it is back: every
 * query fails with the dropped connection's error, for as long as the process runs. Answers the unwatch.
 */
export function onHungHeartbeat(client: HeartbeatSource, onHung: (address: string) => void): () => void {
  const deadlineMs = heartbeatDeadlineMs(client.options);
  const pending = new Map<string, NodeJS.Timeout>();
  let fired = false;
  const ended = ({ connectionId }: { connectionId: string }) => {
    clearTimeout(pending.get(connectionId));
    pending.delete(connectionId);
  };
  const started = ({ connectionId }: { connectionId: string }) => {
    ended({ connectionId });
    const timer = setTimeout(() => {
      pending.delete(connectionId);
      if (fired) return;
      fired = true;
      onHung(connectionId);
    }, deadlineMs);
    // Watching must not keep a process alive that is otherwise done.
    timer.unref();
    pending.set(connectionId, timer);
  };
  client.on('serverHeartbeatStarted', started);
  client.on('serverHeartbeatSucceeded', ended);
  client.on('serverHeartbeatFailed', ended);
  return () => {
    client.off('serverHeartbeatStarted', started);
    client.off('serverHeartbeatSucceeded', ended);
    client.off('serverHeartbeatFailed', ended);
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  };
}
