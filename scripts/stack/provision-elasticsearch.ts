import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackError } from './errors';
import { runCommand } from './exec';
import { extractZip } from './extract';
import { installAtomically, isInstalled } from './install-dir';
import { elapsed, log } from './log';
import { CACHE_DIR, shortPath } from './paths';
import type { Profile } from './profiles';
import { findJavaHome, findOnPath, requireTool } from './tools';
import { VERSIONS } from './versions';

/** Elasticsearch refuses to run as root; as root we run it as this system user. */
export const ES_USER = 'scrm-es';

const ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${VERSIONS.elasticsearch}:zip`;

export interface ElasticsearchInstall {
  home: string;
  javaHome: string;
  javaVersion: number;
}

/** Unpacked Elasticsearch distribution from Maven Central, in `.stack/cache/elasticsearch-<version>/`. */
export async function provisionElasticsearch(logFile: string): Promise<ElasticsearchInstall> {
  const label = `Elasticsearch ${VERSIONS.elasticsearch}`;
  const java = findJavaHome(VERSIONS.elasticsearchMinJava, label);
  const dir = path.join(CACHE_DIR, `elasticsearch-${VERSIONS.elasticsearch}`);
  const home = path.join(dir, `elasticsearch-${VERSIONS.elasticsearch}`);
  if (isInstalled(dir)) {
    log.done(`${label}: cached in ${shortPath(home)} (Java ${java.version} at ${java.home})`);
    return { home, javaHome: java.home, javaVersion: java.version };
  }
  const mvn = requireTool('mvn', `downloading ${label}`);
  const began = Date.now();
  log.step(`${label}: downloading from Maven Central (${ARTIFACT})…`);
  await installAtomically(dir, async (tmp) => {
    const downloads = path.join(tmp, 'download');
    // dependency:copy needs no pom and puts the zip where we say, whatever the local Maven repository is.
    await runCommand(
      mvn,
      [
        '-B',
        '-q',
        'dependency:copy',
        `-Dartifact=${ARTIFACT}`,
        `-DoutputDirectory=${downloads}`,
        '-Dmdep.useBaseVersion=true',
      ],
      { what: `downloading ${label}`, logFile, cwd: tmp, hint: 'Is Maven Central reachable?' },
    );
    const zip = path.join(downloads, `elasticsearch-${VERSIONS.elasticsearch}.zip`);
    log.step(`${label}: unpacking…`);
    await extractZip(zip, tmp, logFile);
    fs.rmSync(downloads, { recursive: true, force: true });
    if (!fs.existsSync(path.join(tmp, `elasticsearch-${VERSIONS.elasticsearch}`, 'bin', 'elasticsearch'))) {
      throw new StackError(`${label}: the downloaded zip has no bin/elasticsearch (log: ${logFile}).`);
    }
  });
  log.done(
    `${label}: installed in ${shortPath(home)} (${elapsed(began)}; Java ${java.version} at ${java.home})`,
  );
  return { home, javaHome: java.home, javaVersion: java.version };
}

/** The user a server process is started as (spawn's uid/gid: no wrapper process in between). */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

export interface ElasticsearchDirs {
  /** ES_PATH_CONF: a per-profile copy of the distribution's config (ES writes its keystore there). */
  config: string;
  data: string;
  logs: string;
  /** ES_TMPDIR */
  tmp: string;
}

/** Uid and gid of a user from /etc/passwd, or undefined. */
function lookupUser(name: string): { uid: number; gid: number } | undefined {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The system user Elasticsearch runs as when we are root; created on first use. */
function ensureEsUser(): { uid: number; gid: number } {
  const existing = lookupUser(ES_USER);
  if (existing) return existing;
  const useradd =
    findOnPath('useradd') ?? ['/usr/sbin/useradd', '/sbin/useradd'].find((p) => fs.existsSync(p));
  if (!useradd)
    throw new StackError(
      `useradd not found: create a system user named ${ES_USER} for Elasticsearch (it refuses to run as root).`,
    );
  const nologin = ['/usr/sbin/nologin', '/sbin/nologin'].find((p) => fs.existsSync(p)) ?? '/bin/false';
  const result = spawnSync(useradd, ['--system', '--no-create-home', '--shell', nologin, ES_USER], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new StackError(
      `Cannot create the system user ${ES_USER}: ${(result.stderr || result.stdout).trim()}`,
    );
  log.done(`created system user ${ES_USER} to run Elasticsearch (it refuses to run as root)`);
  const created = lookupUser(ES_USER);
  if (!created) throw new StackError(`useradd created ${ES_USER} but it is not in /etc/passwd.`);
  return created;
}

/** Every folder from `dir` up to / must be searchable by "others", or the ES user cannot reach its files. */
function assertTraversable(dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new StackError(
        `Elasticsearch runs as user ${ES_USER}, which cannot enter ${d} (not searchable by others): ` +
          `run \`chmod o+x ${d}\` or put the repository under a world-searchable folder such as /work or /tmp.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

/**
 * Per-profile folders of Elasticsearch under `.stack/<profile>/data/elasticsearch/`, owned by the user that
 * runs it. Returns the folders and, when we are root, the user to run it as (created on first use).
 */
export async function prepareElasticsearchDirs(
  profile: Profile,
  install: ElasticsearchInstall,
  logFile: string,
): Promise<{ dirs: ElasticsearchDirs; runAs?: RunAs }> {
  const base = path.join(profile.dataDir, 'elasticsearch');
  const dirs: ElasticsearchDirs = {
    config: path.join(base, 'config'),
    data: path.join(base, 'data'),
    logs: path.join(base, 'logs'),
    tmp: path.join(base, 'tmp'),
  };
  if (!fs.existsSync(path.join(dirs.config, 'elasticsearch.yml'))) {
    fs.mkdirSync(dirs.config, { recursive: true });
    fs.cpSync(path.join(install.home, 'config'), dirs.config, { recursive: true });
  }
  for (const d of [dirs.data, dirs.logs, dirs.tmp]) fs.mkdirSync(d, { recursive: true });
  if (os.userInfo().uid !== 0) return { dirs };

  const user = ensureEsUser();
  assertTraversable(install.home);
  assertTraversable(base);
  if (fs.statSync(base).uid !== user.uid || fs.statSync(dirs.config).uid !== user.uid) {
    await runCommand('chown', ['-R', `${user.uid}:${user.gid}`, base], {
      what: `giving ${shortPath(base)} to ${ES_USER}`,
      logFile,
    });
  }
  return { dirs, runAs: { user: ES_USER, ...user } };
}
