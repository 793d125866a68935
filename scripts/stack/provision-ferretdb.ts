import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './exec';
import { elapsed, log } from './log';
import { BIN_DIR, ROOT, shortPath } from './paths';
import { requireTool } from './tools';

export const FERRETDB_SOURCE_DIR = path.join(ROOT, 'scripts', 'ferretdb');
const SOURCES = ['main.go', 'go.mod', 'go.sum'];

/** The FerretDB version pinned by scripts/ferretdb/go.mod. */
export function ferretdbVersion(): string {
  const goMod = fs.readFileSync(path.join(FERRETDB_SOURCE_DIR, 'go.mod'), 'utf8');
  return /github\.com\/FerretDB\/FerretDB v(\S+)/.exec(goMod)?.[1] ?? 'unknown';
}

/** Builds `.stack/bin/ferretdb-launcher` from scripts/ferretdb when missing or older than its sources. */
export async function provisionFerretdb(logFile: string): Promise<string> {
  const label = `FerretDB ${ferretdbVersion()}`;
  const bin = path.join(BIN_DIR, 'ferretdb-launcher');
  const newestSource = Math.max(
    ...SOURCES.map((f) => fs.statSync(path.join(FERRETDB_SOURCE_DIR, f)).mtimeMs),
  );
  if (fs.existsSync(bin) && fs.statSync(bin).mtimeMs >= newestSource) {
    log.done(`${label}: launcher built in ${shortPath(bin)}`);
    return bin;
  }
  const go = requireTool('go', `building the ${label} launcher`);
  const began = Date.now();
  log.step(
    `${label}: building the launcher with Go (about a minute on 2 cores; modules come from the Go proxy)…`,
  );
  fs.mkdirSync(BIN_DIR, { recursive: true });
  const tmp = `${bin}.tmp-${process.pid}`;
  try {
    await runCommand(go, ['build', '-trimpath', '-o', tmp, '.'], {
      what: `building the ${label} launcher`,
      cwd: FERRETDB_SOURCE_DIR,
      logFile,
      // Pure Go (FerretDB and its PostgreSQL driver): no C toolchain needed.
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    fs.renameSync(tmp, bin);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  log.done(`${label}: launcher built in ${shortPath(bin)} (${elapsed(began)})`);
  return bin;
}
