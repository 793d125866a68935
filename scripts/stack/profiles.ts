import path from 'node:path';
import { STACK_DIR } from './paths';

export type ProfileName = 'dev' | 'test' | 'bench';

export interface Ports {
  api: number;
  sim: number;
  mongo: number;
  /** PostgreSQL under FerretDB (loopback only). */
  postgres: number;
  esHttp: number;
  esTransport: number;
  temporal: number;
  temporalUi: number;
}

export interface Profile {
  name: ProfileName;
  ports: Ports;
  /** Database name in the default MONGO_URL. */
  mongoDatabase: string;
  /** `.stack/<profile>/` */
  dir: string;
  /** `.stack/<profile>/data/`: PostgreSQL's cluster (FerretDB's store), Temporal's SQLite file, Elasticsearch data. */
  dataDir: string;
  /** `.stack/<profile>/logs/<component>.log` */
  logDir: string;
  /** `.stack/<profile>/pids/<component>.pid`, to clean up after a run that was killed. */
  pidDir: string;
  /** Test runs start from empty data every time; dev keeps its data between runs. */
  freshData: boolean;
  /**
   * Whether PostgreSQL flushes every commit to disk (fsync) and stops with a checkpoint: `npm start` and the
   * benchmarks (which measure what `npm start` runs). The tests' data is thrown away at their next start, so they
   * skip both: a commit still reaches the OS before it is acknowledged, which is all a killed process needs.
   */
  durableStore: boolean;
  /** Whether the Temporal Web UI is served (on ports.temporalUi). */
  temporalUi: boolean;
  /**
   * Whether the servers live for one run of short bursts (the tests) rather than for steady load (`npm start`, the
   * benchmarks): Elasticsearch's JIT then stops at its quick compiler (C1), and the Go servers collect garbage
   * less often. Its optimising compiler (C2) spent more CPU compiling than its code saved over a test run: 45 s
   * of CPU against 27 s to start and serve the same indexing and searches.
   */
  shortLived: boolean;
}

const PORTS: Record<'dev' | 'test', Ports> = {
  dev: {
    api: 3000,
    sim: 3001,
    mongo: 27017,
    postgres: 15432,
    esHttp: 9200,
    esTransport: 9300,
    temporal: 7233,
    temporalUi: 8233,
  },
  test: {
    api: 3100,
    sim: 3101,
    mongo: 27117,
    postgres: 15442,
    esHttp: 9210,
    esTransport: 9310,
    temporal: 7243,
    temporalUi: 8243,
  },
};

/**
 * SCRM_TEST_PORT_OFFSET shifts every test-profile (and bench-profile) port, so that two checkouts on one machine
 * (a second git worktree, say) can run `npm test` at the same time.
 */
function testPortOffset(): number {
  const raw = process.env.SCRM_TEST_PORT_OFFSET;
  if (!raw) return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) {
    throw new Error(`SCRM_TEST_PORT_OFFSET must be a whole number from 0 to 1000, not "${raw}"`);
  }
  return offset;
}

function shifted(ports: Ports, offset: number): Ports {
  const entries = Object.entries(ports).map(([k, v]) => [k, v + offset]);
  return Object.fromEntries(entries) as unknown as Ports;
}

/** `bench` is the test profile's servers (same ports: a benchmark runs alone) with the durable store of `dev`. */
export function profile(name: ProfileName): Profile {
  const dir = path.join(STACK_DIR, name);
  return {
    name,
    ports: name === 'dev' ? PORTS.dev : shifted(PORTS.test, testPortOffset()),
    mongoDatabase: name === 'dev' ? 'scrm' : 'scrm_test',
    dir,
    dataDir: path.join(dir, 'data'),
    logDir: path.join(dir, 'logs'),
    pidDir: path.join(dir, 'pids'),
    freshData: name !== 'dev',
    durableStore: name !== 'test',
    temporalUi: true,
    shortLived: name === 'test',
  };
}
