import fs from 'node:fs';
import path from 'node:path';

/** Opens (appending) the log file of a component, creating its folder; returns the file descriptor. */
export function openLog(file: string, header: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a');
  fs.writeSync(fd, `\n===== ${new Date().toISOString()} ${header}\n`);
  return fd;
}

/** The last `lines` lines of a log file ('' when it does not exist), reading at most the last 64 KiB. */
export function logTail(file: string, lines = 30): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    return buf.toString('utf8').replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
