import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './exec';
import { elapsed, log } from './log';
import { CACHE_DIR, shortPath, WEB_DIR, WEB_DIST } from './paths';

/** Newest modification time of a file or of any file below a folder (0 when it does not exist). */
function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer folder
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Inputs of the admin build whose change makes the built index.html stale. */
function newestWebInput(): number {
  const configs = fs
    .readdirSync(WEB_DIR)
    .filter((f) => /^(angular\.json|package(-lock)?\.json|tsconfig.*\.json)$/.test(f));
  return Math.max(
    newestMtime(path.join(WEB_DIR, 'src')),
    // The admin compiles the api's contracts in too (its `@contracts/*` path).
    newestMtime(path.join(WEB_DIR, '..', 'lib', 'contracts')),
    ...configs.map((f) => newestMtime(path.join(WEB_DIR, f))),
  );
}

/**
 * Angular keeps its persistent build cache (TypeScript's incremental state, the libraries it linked) in
 * web/.angular/cache: made a link into the stack's cache, it serves every checkout, and a clean clone's build
 * took 44 s of CPU instead of 70 s (measured here). A checkout that has a cache folder of its own keeps it.
 */
function shareAngularCache(): void {
  const link = path.join(WEB_DIR, '.angular', 'cache');
  if (fs.lstatSync(link, { throwIfNoEntry: false })) return;
  const shared = path.join(CACHE_DIR, 'angular');
  fs.mkdirSync(shared, { recursive: true });
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    fs.symlinkSync(shared, link, 'dir');
  } catch (error) {
    // Another run made the link first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Angular turns its persistent cache off where CI is set (its default `local` cache environment). */
function withoutCiFlag(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.CI;
  return copy;
}

/**
 * Builds the Angular admin (`npm run build --prefix web`) into web/dist/admin/browser when its index.html is
 * missing or older than the sources; warns and skips while web/package.json does not exist.
 */
export async function buildAdmin(logFile: string): Promise<'built' | 'up to date' | 'skipped'> {
  if (!fs.existsSync(path.join(WEB_DIR, 'package.json'))) {
    log.warn(
      `Admin: web/package.json does not exist yet, so the admin is not built (${shortPath(WEB_DIST)} stays empty)`,
    );
    return 'skipped';
  }
  const index = path.join(WEB_DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestWebInput()) {
    log.done(`Admin: ${shortPath(index)} is up to date`);
    return 'up to date';
  }
  shareAngularCache();
  const began = Date.now();
  log.step(`Admin: building (npm run build --prefix web; log: ${shortPath(logFile)})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await runCommand(npm, ['run', 'build', '--prefix', 'web'], {
    what: 'building the admin',
    cwd: path.dirname(WEB_DIR),
    logFile,
    env: withoutCiFlag({ ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' }),
  });
  if (!fs.existsSync(index))
    log.warn(`Admin: the build finished but ${shortPath(index)} is missing (log: ${shortPath(logFile)})`);
  else log.done(`Admin: built into ${shortPath(WEB_DIST)} (${elapsed(began)})`);
  return 'built';
}
