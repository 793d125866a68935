import path from 'node:path';
import { appEnv, simulatorService } from './apps';
import { prepareProfile, startInfra, type EmbeddedStore } from './infra';
import { log } from './log';
import { WEB_DIST } from './paths';
import type { Supervisor } from './processes';
import type { Profile } from './profiles';
import type { PortClaim } from './ports';
import { provisionSchemathesis } from './provision-schemathesis';
import { provisionTemporal } from './provision-temporal';
import { CHROMIUM_PATH, provisionChromium } from './provision-chromium';

export interface TestStackOptions {
  /** Start PostgreSQL with FerretDB, Elasticsearch, Temporal and the simulator (integration, e2e, benchmarks). */
  servers: boolean;
  /** Provision the Temporal binaries even without servers (workflow tests run their own TestWorkflowEnvironment). */
  temporalBinaries: boolean;
  /** Make sure Chromium is installed (e2e). */
  chromium: boolean;
  /** Install Schemathesis, the API fuzzer (integration). */
  fuzzer: boolean;
}

/**
 * The test profile's stack, with fresh data: returns the environment for jest and the benchmarks
 * (MONGO_URL, STORE_POSTGRES_URL, ES_URL, TEMPORAL_ADDRESS, WECOM_API_BASE, TEMPORAL_BIN, CHROMIUM_PATH, WEB_DIST,
 * STACK_LOG_DIR, API_PORT…).
 */
export async function startTestStack(
  profile: Profile,
  supervisor: Supervisor,
  options: TestStackOptions,
): Promise<NodeJS.ProcessEnv> {
  await prepareProfile(profile);
  const { ports } = profile;
  const externalSim = Boolean(process.env.WECOM_API_BASE?.trim());
  const wecomDefault = `http://127.0.0.1:${ports.sim}`;
  const fuzzer = options.fuzzer
    ? provisionSchemathesis(path.join(profile.logDir, 'provision.log'))
    : Promise.resolve(undefined);

  let env: NodeJS.ProcessEnv;
  let store: EmbeddedStore | undefined;
  let temporalBin = '';
  let temporalTestServerBin = '';
  if (options.servers) {
    const appPorts: PortClaim[] = [{ component: 'api (started by the tests)', port: ports.api }];
    if (!externalSim)
      appPorts.push({
        component: 'WeCom simulator',
        port: ports.sim,
        alternative: 'set WECOM_API_BASE to use another WeCom API',
      });
    const infra = await startInfra(profile, supervisor, { chromium: options.chromium, appPorts });
    temporalBin = infra.temporalBin;
    store = infra.store;
    temporalTestServerBin = infra.temporalTestServerBin;
    const wecomApiBase = infra.external.wecomApiBase ?? wecomDefault;
    env = appEnv(profile, { ...infra, wecomApiBase }, 'test');
    if (externalSim) log.done(`WeCom API: using WECOM_API_BASE=${wecomApiBase} (no local simulator)`);
    else await supervisor.start(simulatorService(profile, env));
  } else {
    // Unit and workflow tests: no servers; workflow tests get the Temporal binaries for TestWorkflowEnvironment.
    const temporal = options.temporalBinaries
      ? provisionTemporal(path.join(profile.logDir, 'provision.log'))
      : undefined;
    const binaries = await temporal;
    temporalBin = binaries?.cli ?? '';
    temporalTestServerBin = binaries?.testServer ?? '';
    if (options.chromium) await provisionChromium(path.join(profile.logDir, 'provision.log'));
    env = appEnv(
      profile,
      {
        mongoUrl: process.env.MONGO_URL || `mongodb://127.0.0.1:${ports.mongo}/${profile.mongoDatabase}`,
        esUrl: process.env.ES_URL || `http://127.0.0.1:${ports.esHttp}`,
        temporalAddress: process.env.TEMPORAL_ADDRESS || `127.0.0.1:${ports.temporal}`,
        wecomApiBase: process.env.WECOM_API_BASE || wecomDefault,
      },
      'test',
    );
  }
  delete env.PORT; // the tests start the api themselves, on API_PORT
  const schemathesisBin = await fuzzer;
  return {
    ...env,
    // The embedded store's parts: the bench compares its indexes, the durability test runs a store of its own.
    ...(store
      ? {
          STORE_POSTGRES_URL: store.postgresUrl,
          STORE_POSTGRES_HOME: store.postgres.home,
          STORE_FERRETDB_BIN: store.ferretdbLauncher,
        }
      : {}),
    ...(temporalBin ? { TEMPORAL_BIN: temporalBin, TEMPORAL_TEST_SERVER_BIN: temporalTestServerBin } : {}),
    ...(schemathesisBin ? { SCHEMATHESIS_BIN: schemathesisBin } : {}),
    CHROMIUM_PATH,
    WEB_DIST,
    STACK_LOG_DIR: profile.logDir,
    API_PORT: String(ports.api),
  };
}
