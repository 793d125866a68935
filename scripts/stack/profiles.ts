import path from 'node:path';
import { STACK_DIR } from './paths';

export type ProfileName = 'dev' | 'test';

export interface Ports {
  api: number;
  sim: number;
  mongo: number;
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
  /** `.stack/<profile>/data/`: FerretDB files, Temporal's SQLite file, Elasticsearch data. */
  dataDir: string;
  /** `.stack/<profile>/logs/<component>.log` */
  logDir: string;
  /** `.stack/<profile>/pids/<component>.pid`, to clean up after a run that was killed. */
  pidDir: string;
  /** Test runs start from empty data every time; dev keeps its data between runs. */
  freshData: boolean;
  /** Whether the Temporal Web UI is served (on ports.temporalUi). */
  temporalUi: boolean;
}

const PORTS: Record<ProfileName, Ports> = {
  dev: {
    api: 3000,
    sim: 3001,
    mongo: 27017,
    esHttp: 9200,
    esTransport: 9300,
    temporal: 7233,
    temporalUi: 8233,
  },
  test: {
    api: 3100,
    sim: 3101,
    mongo: 27117,
    esHttp: 9210,
    esTransport: 9310,
    temporal: 7243,
    temporalUi: 8243,
  },
};

export function profile(name: ProfileName): Profile {
  const dir = path.join(STACK_DIR, name);
  return {
    name,
    ports: PORTS[name],
    mongoDatabase: name === 'dev' ? 'scrm' : 'scrm_test',
    dir,
    dataDir: path.join(dir, 'data'),
    logDir: path.join(dir, 'logs'),
    pidDir: path.join(dir, 'pids'),
    freshData: name === 'test',
    temporalUi: true,
  };
}
