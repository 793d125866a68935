import type { FaultKind } from '../../scripts/stack/fault-matrix';
import type { TestApp } from './app-harness';
import { simulator } from './sim-client';
import { stackEnv } from './stack-env';
import { startSwitchableProxy, type SwitchableProxy } from './switchable-proxy';
import { startTcpRelay, throughRelay, type TcpRelay } from './tcp-relay';
import { killableWorker } from './worker-process';
import { killableApi, type KillableApi } from './api-process';

/** How much slower WeCom answers during a `wecom-slow` fault, on top of the cell's own latency. */
const SLOW_EXTRA_MS = 4000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A worker process whose every server sits behind a switch a fault matrix cell can throw: MongoDB,
 * Elasticsearch and Temporal through TCP relays that can be cut, WeCom (the simulator) through an HTTP relay
 * that can drop every request, plus the simulator's own outage and latency switches (-1, HTTP 503, slow).
 * The shared servers themselves are never stopped, so the test's own checks keep reaching them. The rig also
 * runs an api process that can be killed: WeCom's callbacks and the operator's requests go to `api.url`.
 */
export interface FaultRig {
  worker: ReturnType<typeof killableWorker>;
  /** The rig's own api process, started. */
  api: KillableApi;
  /**
   * A WeCom path's latency outside faults (a cell slows a step down so that a fault lands inside it); a slow
   * WeCom adds to it, and it is put back after every fault.
   */
  setBaseLatency(path: string, ms: number): Promise<void>;
  /** Holds each chunk the worker sends Elasticsearch this long outside faults (a cell's slow step). */
  setSearchDelay(ms: number): void;
  /** Throws `fault` for `downMs`, then lifts it (a killed worker is started again); resolves once lifted. */
  inject(fault: FaultKind, downMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultRig(app: TestApp, name: string): Promise<FaultRig> {
  const relayTo = (hostPort: string) => {
    const [host, port] = hostPort.split(':');
    return startTcpRelay({ host, port: Number(port) });
  };
  const mongoTarget = new URL(app.config.mongoUrl.replace(/^mongodb:/, 'http:'));
  const esTarget = new URL(stackEnv.esUrl);
  const [mongo, es, temporal, wecom]: [TcpRelay, TcpRelay, TcpRelay, SwitchableProxy] = await Promise.all([
    relayTo(mongoTarget.host),
    relayTo(esTarget.host),
    relayTo(app.config.temporalAddress),
    startSwitchableProxy(stackEnv.wecomApiBase),
  ]);
  const worker = killableWorker(app, `faults-${name}-worker`, {
    MONGO_URL: throughRelay(app.config.mongoUrl, mongo),
    ES_URL: throughRelay(stackEnv.esUrl, es),
    TEMPORAL_ADDRESS: `${temporal.host}:${temporal.port}`,
    WECOM_API_BASE: wecom.url,
  });
  const api = await killableApi(app, `faults-${name}-api`);
  await api.start();
  const baseLatency = new Map<string, number>();

  const cut = async (relay: TcpRelay, downMs: number) => {
    relay.cut();
    await sleep(downMs);
    relay.restore();
  };

  return {
    worker,
    api,
    async setBaseLatency(path, ms) {
      baseLatency.set(path, ms);
      await simulator.setLatency(path, ms);
    },
    setSearchDelay(ms) {
      es.setDelay(ms);
    },
    async inject(fault, downMs) {
      switch (fault) {
        case 'worker-kill':
          await worker.kill();
          await sleep(downMs);
          await worker.start();
          return;
        case 'api-kill':
          await api.kill();
          await sleep(downMs);
          await api.start();
          return;
        case 'temporal-cut':
          return cut(temporal, downMs);
        case 'db-cut':
          return cut(mongo, downMs);
        case 'es-cut':
          return cut(es, downMs);
        case 'wecom-down':
          wecom.setUp(false);
          await sleep(downMs);
          wecom.setUp(true);
          return;
        case 'wecom-5xx':
        case 'wecom-busy':
          await simulator.setOutage(fault === 'wecom-busy' ? 'busy' : 'http-503');
          await sleep(downMs);
          await simulator.setOutage('off');
          return;
        case 'wecom-slow':
          // Every path the cell slowed down, and gettoken, which every WeCom call may need first.
          for (const path of ['/gettoken', ...baseLatency.keys()])
            await simulator.setLatency(path, (baseLatency.get(path) ?? 0) + SLOW_EXTRA_MS);
          await sleep(downMs);
          await simulator.setLatency('/gettoken', 0);
          for (const [path, ms] of baseLatency) await simulator.setLatency(path, ms);
          return;
      }
    },
    async close() {
      await simulator.setOutage('off');
      for (const path of ['/gettoken', ...baseLatency.keys()]) await simulator.setLatency(path, 0);
      await worker.kill();
      await api.kill();
      await Promise.all([mongo.close(), es.close(), temporal.close(), wecom.close()]);
    },
  };
}
