import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import type { ServiceSpec } from './processes';
import type { Profile } from './profiles';
import { ROOT, WEB_DIST } from './paths';
import { localSecretsKey } from './secrets-key';
import { SHUTDOWN_LIMIT_MS } from '../../worker/shutdown-limits';

/** Where every endpoint of a run is, as handed to the app processes, the seed, jest and the benchmarks. */
export interface AppEndpoints {
  mongoUrl: string;
  esUrl: string;
  temporalAddress: string;
  wecomApiBase: string;
}

/** The environment shared by sim, api, worker and seed. */
export function appEnv(profile: Profile, endpoints: AppEndpoints, nodeEnv: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MONGO_URL: endpoints.mongoUrl,
    ES_URL: endpoints.esUrl,
    TEMPORAL_ADDRESS: endpoints.temporalAddress,
    WECOM_API_BASE: endpoints.wecomApiBase,
    PORT: String(profile.ports.api),
    SIM_PORT: String(profile.ports.sim),
    PUBLIC_URL: `http://127.0.0.1:${profile.ports.api}`,
    WEB_DIST,
    NODE_ENV: nodeEnv,
    SECRETS_KEY: process.env.SECRETS_KEY || localSecretsKey(profile),
    // With the local simulator, 系统对接 reaches its Udesk too (wecom-sim/udesk/), unless UDESK_BASE_URL is set.
    ...(process.env.WECOM_API_BASE?.trim()
      ? {}
      : { UDESK_BASE_URL: process.env.UDESK_BASE_URL || `${endpoints.wecomApiBase}/udesk` }),
  };
}

/** `node --import tsx <entry>` from the repository root; a clear error when the entry file does not exist. */
function tsxCommand(entry: string, label: string): { command: string; args: string[] } {
  if (!fs.existsSync(path.join(ROOT, entry)))
    throw new StackError(`Cannot start the ${label}: ${entry} does not exist.`);
  return { command: process.execPath, args: ['--import', 'tsx', entry] };
}

export const SIM_ENTRY = 'wecom-sim/server.ts';
export const API_ENTRY = 'api/server.ts';
export const WORKER_ENTRY = 'worker/main.ts';
export const SEED_ENTRY = 'scripts/seed-demo.ts';

export function simulatorService(profile: Profile, env: NodeJS.ProcessEnv): ServiceSpec {
  const url = `http://127.0.0.1:${profile.ports.sim}`;
  return {
    name: 'wecom-sim',
    label: 'WeCom simulator',
    ...tsxCommand(SIM_ENTRY, 'WeCom simulator'),
    cwd: ROOT,
    env: { ...env, SIM_SEED: 'demo' },
    ready: { kind: 'http', url: `${url}/sim/health` },
    readyTimeoutMs: 60_000,
    url,
  };
}

export function apiService(profile: Profile, env: NodeJS.ProcessEnv): ServiceSpec {
  const url = `http://127.0.0.1:${profile.ports.api}`;
  return {
    name: 'api',
    label: 'api',
    ...tsxCommand(API_ENTRY, 'api'),
    cwd: ROOT,
    env,
    // 503 means "up, but a dependency is not": the api itself answers, which is all we wait for.
    ready: { kind: 'http', url: `${url}/api/health`, accept: () => true },
    readyTimeoutMs: 90_000,
    url,
  };
}

export function workerService(env: NodeJS.ProcessEnv): ServiceSpec {
  return {
    name: 'worker',
    label: 'worker',
    ...tsxCommand(WORKER_ENTRY, 'worker'),
    cwd: ROOT,
    env,
    // Bundling the workflows takes a while on 2 cores.
    ready: { kind: 'log', text: 'worker started' },
    readyTimeoutMs: 180_000,
    // The worker ends by its own shutdown limit; the rest is for closing its clients.
    stopTimeoutMs: SHUTDOWN_LIMIT_MS + 2_000,
  };
}
