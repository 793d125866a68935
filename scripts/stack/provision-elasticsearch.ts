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
import { ensureSystemUser, assertTraversable, type RunAs } from './system-user';
import { findJavaHome, requireTool } from './tools';
import { VERSIONS } from './versions';

/** Elasticsearch refuses to run as root; as root we run it as this system user. */
export const ES_USER = 'scrm-es';

const ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${VERSIONS.elasticsearch}:zip`;

export interface ElasticsearchInstall {
  home: string;
  javaHome: string;
  javaVersion: number;
}

/**
 * Unpacked Elasticsearch distribution from Maven Central, in `elasticsearch-<version>/` of the stack's cache
 * (CACHE_DIR).
 */
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

export interface ElasticsearchDirs {
  /** ES_PATH_CONF: a per-profile copy of the distribution's config (ES writes its keystore there). */
  config: string;
  data: string;
  logs: string;
  /** ES_TMPDIR */
  tmp: string;
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

  const user = ensureSystemUser(ES_USER, 'Elasticsearch');
  assertTraversable(install.home, ES_USER, 'Elasticsearch');
  assertTraversable(base, ES_USER, 'Elasticsearch');
  if (fs.statSync(base).uid !== user.uid || fs.statSync(dirs.config).uid !== user.uid) {
    await runCommand('chown', ['-R', `${user.uid}:${user.gid}`, base], {
      what: `giving ${shortPath(base)} to ${ES_USER}`,
      logFile,
    });
  }
  return { dirs, runAs: user };
}
