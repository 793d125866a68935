import path from 'node:path';

/** Absolute path of the repository root (two levels above scripts/stack/). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The one git-ignored folder holding everything the local stack downloads, builds and writes. */
export const STACK_DIR = path.join(ROOT, '.stack');
/** Downloads and unpacked distributions, shared by all profiles. */
export const CACHE_DIR = path.join(STACK_DIR, 'cache');
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
