import fs from 'node:fs';
import path from 'node:path';

/** Marker written last into an install folder: its presence means the install is complete. */
const MARKER = '.installed';

export function isInstalled(dir: string): boolean {
  return fs.existsSync(path.join(dir, MARKER));
}

/**
 * Builds an install folder atomically: `fill` writes into a fresh temporary folder next to `dir`,
 * which is then renamed into place. Two runs racing (dev and test at once) both succeed; one copy wins.
 */
export async function installAtomically(dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await fill(tmp);
    fs.writeFileSync(path.join(tmp, MARKER), `${new Date().toISOString()}\n`);
    if (fs.existsSync(dir) && !isInstalled(dir)) fs.rmSync(dir, { recursive: true, force: true }); // a broken earlier attempt
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      if (!isInstalled(dir)) throw err; // otherwise another run finished first: keep its copy
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
