import net, { type Socket } from 'node:net';
import { Transform } from 'node:stream';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay in front of a real server (MongoDB's wire protocol, Elasticsearch's HTTP), so a test can make
 * that server unreachable for the code under test alone — never stopping the shared server itself. `cut()`
 * drops every open connection and refuses new ones until `restore()`; `setDelay()` holds each chunk the
 * client sends for a while, to widen the window in which a test acts.
 */
export interface TcpRelay {
  host: string;
  port: number;
  cut(): void;
  restore(): void;
  setDelay(ms: number): void;
  /** Connections refused or dropped while cut. */
  readonly dropped: number;
  close(): Promise<void>;
}

export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  let up = true;
  let delayMs = 0;
  let dropped = 0;
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    if (!up) {
      dropped += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const hold = new Transform({
      transform(chunk, _encoding, done) {
        if (delayMs > 0) setTimeout(() => done(null, chunk), delayMs);
        else done(null, chunk);
      },
    });
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(hold).pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    cut() {
      up = false;
      dropped += open.size;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `url` with its host and port replaced by the relay's. */
export function throughRelay(url: string, relay: TcpRelay): string {
  const proxied = new URL(url);
  proxied.hostname = relay.host;
  proxied.port = String(relay.port);
  return proxied.toString();
}
