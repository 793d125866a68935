import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ElasticsearchDirs, ElasticsearchInstall } from './provision-elasticsearch';
import type { RunAs } from './system-user';
import type { ServiceSpec } from './processes';
import type { Profile } from './profiles';
import { devServerConfigFlags } from './temporal-config';
import { VERSIONS } from './versions';
import { ferretdbVersion } from './provision-ferretdb';
import { ferretdbPostgresUrl, postgresAnswers, type PostgresInstall } from './provision-postgres';

/** Environment without variables that would redirect the servers' own CLIs (e.g. TEMPORAL_ADDRESS). */
function serverEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('TEMPORAL_')) delete env[key];
  return env;
}

/**
 * The Go servers' (FerretDB, Temporal) garbage collector runs a quarter as often in a short-lived profile: their
 * heaps are small, and over ten test files in a row FerretDB used 9 s of CPU instead of 11 s and Temporal 9 s
 * instead of 10 s.
 */
function goServerEnv(profile: Profile, shortLivedExtra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return serverEnv(profile.shortLived ? { GOGC: '400', ...shortLivedExtra } : {});
}

/**
 * FerretDB of a short-lived profile runs its Go code on one core. Its queries wait on PostgreSQL, which runs in
 * processes of its own; with a scheduler per core its threads kept parking and waking each other (a fifth of
 * its CPU in a `perf` profile of `npm test` was the kernel switching them). Over 15 integration files, twice:
 * 22–23 s of CPU instead of 26–27 s, the other servers alike. The benchmarks and `npm start` keep every core:
 * they load it from many clients at once.
 */
const FERRETDB_SHORT_LIVED = { GOMAXPROCS: '1' };

export function ferretdbService(profile: Profile, launcher: string): ServiceSpec {
  const port = profile.ports.mongo;
  return {
    name: 'ferretdb',
    label: `FerretDB ${ferretdbVersion()}`,
    command: launcher,
    args: ['-listen', `127.0.0.1:${port}`, '-postgresql-url', ferretdbPostgresUrl(profile.ports.postgres)],
    env: goServerEnv(profile, FERRETDB_SHORT_LIVED),
    ready: { kind: 'tcp', port },
    readyTimeoutMs: 30_000,
    url: `mongodb://127.0.0.1:${port}`,
    stopTimeoutMs: 10_000,
  };
}

/**
 * PostgreSQL settings of the embedded store. With a durable store (`npm start`, the benchmarks) an acknowledged
 * write survives a crash of PostgreSQL or of the machine: fsync and synchronous_commit stay on.
 */
const POSTGRES_SETTINGS = [
  'listen_addresses=127.0.0.1',
  // TCP only: no socket file in /var/run/postgresql, which may not exist or not be ours.
  'unix_socket_directories=',
  // FerretDB names fields as statement parameters; only plans made for the actual values can match the GIN
  // expression indexes (ferretdb-gin-indexes.ts).
  'plan_cache_mode=force_custom_plan',
  'shared_buffers=256MB',
  'work_mem=16MB',
  'maintenance_work_mem=128MB',
  // Bulk loads (a 1M-customer benchmark, the demo) write faster with fewer checkpoints.
  'max_wal_size=2GB',
  // FerretDB's pool holds up to 50 connections per process; the tests and the bench connect more than one.
  'max_connections=200',
  'log_min_messages=warning',
  'log_checkpoints=off',
];

export function postgresService(
  profile: Profile,
  install: PostgresInstall,
  dataDir: string,
  runAs: RunAs | undefined,
): ServiceSpec {
  const port = profile.ports.postgres;
  const scratch = profile.durableStore ? [] : ['fsync=off', 'full_page_writes=off'];
  return {
    name: 'postgres',
    label: `PostgreSQL ${VERSIONS.postgres.replace(/-.*/, '')}`,
    command: path.join(install.home, 'bin', 'postgres'),
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      ...[...POSTGRES_SETTINGS, ...scratch].flatMap((s) => ['-c', s]),
    ],
    cwd: dataDir,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: serverEnv(runAs ? { USER: runAs.user, LOGNAME: runAs.user, HOME: dataDir } : {}),
    ready: { kind: 'probe', probe: () => postgresAnswers(port) },
    readyTimeoutMs: 60_000,
    url: `127.0.0.1:${port}`,
    // SIGINT is PostgreSQL's fast shutdown (SIGTERM waits for every client to leave): the postmaster stops its own
    // children and writes a checkpoint. Scratch data skips the checkpoint (SIGQUIT, recovered from the WAL if the
    // data is ever started again).
    stopSignal: profile.durableStore ? 'SIGINT' : 'SIGQUIT',
    stopSignalTo: 'leader',
    stopTimeoutMs: 30_000,
  };
}

export function elasticsearchService(
  profile: Profile,
  install: ElasticsearchInstall,
  dirs: ElasticsearchDirs,
  runAs: RunAs | undefined,
): ServiceSpec {
  const { esHttp, esTransport } = profile.ports;
  const esEnv = {
    ES_JAVA_HOME: install.javaHome,
    ES_PATH_CONF: dirs.config,
    ES_TMPDIR: dirs.tmp,
    // The launcher's own JVM writes scratch files too: keep them out of /tmp.
    CLI_JAVA_OPTS: `-Djava.io.tmpdir=${dirs.tmp}`,
    // Always a fixed heap: without it Elasticsearch sizes itself from the machine's memory.
    ES_JAVA_OPTS: `-Xms512m -Xmx512m${profile.shortLived ? ' -XX:TieredStopAtLevel=1' : ''}`,
  };
  const settings = [
    `cluster.name=scrm-${profile.name}`,
    `node.name=scrm-${profile.name}`,
    'discovery.type=single-node',
    'network.host=127.0.0.1',
    `http.port=${esHttp}`,
    // Nothing connects to the transport port of a single node: take the first free one of ten.
    `transport.port=${esTransport}-${esTransport + 9}`,
    // The integ-test zip has the security module, on by default: local servers run without auth.
    'xpack.security.enabled=false',
    `path.data=${dirs.data}`,
    `path.logs=${dirs.logs}`,
    // Shared dev disks are often >90% full; don't let the watermark make indices read-only.
    'cluster.routing.allocation.disk.threshold_enabled=false',
    // Tests clean up with wildcard index deletes.
    ...(profile.freshData ? ['action.destructive_requires_name=false'] : []),
  ].flatMap((s) => ['-E', s]);
  const url = `http://127.0.0.1:${esHttp}`;
  return {
    name: 'elasticsearch',
    label: `Elasticsearch ${VERSIONS.elasticsearch}`,
    command: path.join(install.home, 'bin', 'elasticsearch'),
    args: settings,
    cwd: dirs.tmp,
    // As root: started directly as the ES user (not through runuser, which SIGKILLs its child 2 s after a SIGTERM).
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: serverEnv({ ...esEnv, ...(runAs ? { USER: runAs.user, LOGNAME: runAs.user, HOME: dirs.tmp } : {}) }),
    // The integ-test zip has no rest-root module, so `GET /` answers 405: ask for the cluster health instead.
    ready: { kind: 'http', url: `${url}/_cluster/health?wait_for_status=yellow&timeout=2s` },
    readyTimeoutMs: 180_000,
    url,
    stopTimeoutMs: 20_000,
    // The launcher shuts its server JVM down cleanly on SIGTERM, then exits.
    stopSignalTo: 'leader',
  };
}

/** Whether the Temporal frontend answers a health check (through the CLI). */
function temporalHealthy(cli: string, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      cli,
      ['operator', 'cluster', 'health', '--address', address, '--command-timeout', '3s'],
      {
        env: serverEnv(),
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0 && out.includes('SERVING')));
  });
}

export function temporalService(profile: Profile, cli: string): ServiceSpec {
  const { temporal, temporalUi } = profile.ports;
  const address = `127.0.0.1:${temporal}`;
  const ui = profile.temporalUi
    ? ['--ui-port', String(temporalUi), '--ui-ip', '127.0.0.1', '--ui-disable-news-fetch']
    : ['--headless'];
  return {
    name: 'temporal',
    label: `Temporal ${VERSIONS.temporalCli} dev server`,
    command: cli,
    args: [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(temporal),
      ...ui,
      '--db-filename',
      path.join(profile.dataDir, 'temporal.db'),
      // SQLite's default rollback journal syncs the disk several times per commit, and the dev server commits at
      // every workflow task. A write-ahead log synced at checkpoints keeps every commit through a crash or kill of
      // the server (only an outage of the machine itself may lose the last ones).
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      '--namespace',
      'default',
      ...devServerConfigFlags(),
      // One partition per task queue instead of four: one machine's load fits in one, and the server then neither
      // spreads tasks nor forwards polls between partitions (its CPU: 25 s → 18 s on fifteen integration files).
      // Local only: a cluster sizes its partitions to its load (temporal-config/dynamic-config.yaml stays shared).
      '--dynamic-config-value',
      'matching.numTaskqueueReadPartitions=1',
      '--dynamic-config-value',
      'matching.numTaskqueueWritePartitions=1',
      '--log-level',
      'warn',
    ],
    env: goServerEnv(profile),
    ready: { kind: 'probe', probe: () => temporalHealthy(cli, address) },
    readyTimeoutMs: 60_000,
    url: address,
    stopTimeoutMs: 10_000,
  };
}
