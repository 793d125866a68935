import os from 'node:os';
import path from 'node:path';

/** Absolute path of the repository root (two levels above scripts/stack/). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The one git-ignored folder holding everything the local stack downloads, builds and writes. */
export const STACK_DIR = path.join(ROOT, '.stack');
/**
 * Downloads and unpacked distributions (Temporal, Elasticsearch, PostgreSQL, Schemathesis) and the admin's build
 * cache: the machine's, shared by every profile and every checkout, as npm's, pip's and Go's caches are, so a clean
 * clone starts from what an earlier one fetched. Each entry is named by its version and written atomically
 * (install-dir.ts). Root's home is closed to the system users Elasticsearch and PostgreSQL run as: root's cache is
 * under /var/cache. SCRM_CACHE_DIR chooses another folder.
 */
export const CACHE_DIR = path.resolve(
  process.env.SCRM_CACHE_DIR ||
    (process.getuid?.() === 0
      ? '/var/cache/wecom-scrm'
      : path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'wecom-scrm')),
);
/** Binaries built here (the FerretDB launcher). */
export const BIN_DIR = path.join(STACK_DIR, 'bin');

/** The admin's build output, served by the api (WEB_DIST). */
export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist', 'admin', 'browser');

/** Shows a path relative to the repository root when it is inside it (shorter progress lines). */
export function shortPath(p: string): string {
  const rel = path.relative(ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
