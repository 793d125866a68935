import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ferretdbService, postgresService, temporalService } from '../../scripts/stack/infra-services';
import { Supervisor, type RunningService, type ServiceSpec } from '../../scripts/stack/processes';
import { profile, type Profile } from '../../scripts/stack/profiles';
import { prepareFerretdbDatabase, preparePostgresData } from '../../scripts/stack/provision-postgres';

/**
 * Servers of a test's own, started from the same specs as `npm start`'s (scripts/stack) on free ports and data
 * of their own under `.stack/test/<name>/`, so a test can kill them for real (SIGKILL of the whole process group)
 * and start them again on the same data, never touching the stack the other test files share.
 *
 * Each needs what the test stack provisioned: the Temporal CLI (TEMPORAL_BIN), or PostgreSQL and FerretDB
 * (STORE_POSTGRES_HOME, STORE_FERRETDB_BIN, set when the stack runs the embedded store).
 * `killableServersAvailable` says whether they are there, for a `describe.skip` otherwise.
 */
export interface KillableServer {
  /** SIGKILL of the server's process group; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it answers. */
  start(): Promise<void>;
}

export interface KillableServers {
  /** A Temporal dev server (its SQLite file kept across kills); `address` is host:port. */
  temporal(): Promise<KillableServer & { address: string }>;
  /** PostgreSQL with FerretDB on top; `mongoUrl` has no database name. `kill` kills both, `start` starts both. */
  store(options?: { durable?: boolean }): Promise<
    KillableServer & {
      mongoUrl: string;
      postgres: KillableServer;
      ferretdb: KillableServer;
    }
  >;
  stopAll(): Promise<void>;
}

const POSTGRES_HOME = process.env.STORE_POSTGRES_HOME;
const FERRETDB_BIN = process.env.STORE_FERRETDB_BIN;
const TEMPORAL_BIN = process.env.TEMPORAL_BIN;

export const killableServersAvailable = {
  temporal: Boolean(TEMPORAL_BIN),
  store: Boolean(POSTGRES_HOME && FERRETDB_BIN),
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Servers under `.stack/test/<name>/` (emptied first), on ports of their own. */
export function killableServers(name: string): KillableServers {
  const base = profile('test');
  const dir = path.join(base.dataDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const own: Profile = {
    ...base,
    dir,
    dataDir: path.join(dir, 'data'),
    logDir: path.join(dir, 'logs'),
    pidDir: path.join(dir, 'pids'),
  };
  for (const d of [own.dataDir, own.logDir, own.pidDir]) fs.mkdirSync(d, { recursive: true });
  const supervisor = new Supervisor(own);

  /** One service started from `spec()`, killed and started again as often as a test likes. */
  async function killable(spec: () => ServiceSpec): Promise<KillableServer> {
    let running: RunningService = await supervisor.start(spec());
    return {
      async kill() {
        if (running.exitInfo) return;
        process.kill(-running.child.pid!, 'SIGKILL');
        await running.exited;
      },
      async start() {
        running = await supervisor.start(spec());
      },
    };
  }

  return {
    async temporal() {
      if (!TEMPORAL_BIN) throw new Error('TEMPORAL_BIN is not set: run the tests through `npm test`');
      const ports = { ...own.ports, temporal: await freePort() };
      const server = await killable(() =>
        temporalService({ ...own, ports, temporalUi: false }, TEMPORAL_BIN),
      );
      return { ...server, address: `127.0.0.1:${ports.temporal}` };
    },
    async store(options = {}) {
      if (!POSTGRES_HOME || !FERRETDB_BIN) throw new Error('the embedded store is not part of this stack');
      const store: Profile = {
        ...own,
        durableStore: options.durable ?? false,
        ports: { ...own.ports, postgres: await freePort(), mongo: await freePort() },
      };
      const install = { home: POSTGRES_HOME };
      const { dataDir, runAs } = await preparePostgresData(store, install, path.join(own.logDir, 'init.log'));
      const postgres = await killable(() => postgresService(store, install, dataDir, runAs));
      await prepareFerretdbDatabase(store.ports.postgres);
      const ferretdb = await killable(() => ferretdbService(store, FERRETDB_BIN));
      return {
        mongoUrl: `mongodb://127.0.0.1:${store.ports.mongo}`,
        postgres,
        ferretdb,
        async kill() {
          await Promise.all([ferretdb.kill(), postgres.kill()]);
        },
        async start() {
          await postgres.start();
          await ferretdb.start();
        },
      };
    },
    stopAll: () => supervisor.stopAll(),
  };
}
