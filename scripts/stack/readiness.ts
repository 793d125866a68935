import fs from 'node:fs';
import net from 'node:net';

/** How a started process shows it is ready to serve. */
export type ReadyCheck =
  /** An HTTP answer to `url`; `accept` decides which statuses count (default: 2xx). */
  | { kind: 'http'; url: string; accept?: (status: number) => boolean }
  /** A TCP connection to 127.0.0.1:port is accepted. */
  | { kind: 'tcp'; port: number }
  /** Its log (written since it was started) contains `text`. */
  | { kind: 'log'; text: string }
  /** Any other probe, e.g. a CLI health command. */
  | { kind: 'probe'; probe: () => Promise<boolean> };

export function httpAnswers(
  url: string,
  accept: (status: number) => boolean = (s) => s >= 200 && s < 300,
): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(5000) })
    .then(async (res) => {
      await res.arrayBuffer().catch(() => undefined);
      return accept(res.status);
    })
    .catch(() => false);
}

export function tcpAccepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function logContains(file: string, fromOffset: number, text: string): boolean {
  try {
    const size = fs.statSync(file).size;
    if (size <= fromOffset) return false;
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(size - fromOffset);
      fs.readSync(fd, buf, 0, buf.length, fromOffset);
      return buf.toString('utf8').includes(text);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** One evaluation of a readiness check; `logFile`/`logOffset` locate the output of the process being checked. */
export function checkOnce(check: ReadyCheck, logFile: string, logOffset: number): Promise<boolean> {
  switch (check.kind) {
    case 'http':
      return httpAnswers(check.url, check.accept);
    case 'tcp':
      return tcpAccepts(check.port);
    case 'log':
      return Promise.resolve(logContains(logFile, logOffset, check.text));
    case 'probe':
      return check.probe().catch(() => false);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
