import mongoose from 'mongoose';
import type { ComponentHealth, HealthResponse } from '../../../lib/contracts/health.contract';
import type { AppContext } from '../../app-context';

export type HealthDeps = Pick<AppContext, 'elasticsearch' | 'temporal' | 'config'>;

const CHECK_TIMEOUT_MS = 3_000;

/** Probes every component at once; one slow or dead component cannot hold the answer past the timeout. */
export async function checkComponents(deps: HealthDeps): Promise<HealthResponse> {
  const [mongo, elasticsearch, temporal, wecom] = await Promise.all([
    timed(async () => {
      const db = mongoose.connection.db;
      if (!db) throw new Error('not connected');
      await db.admin().ping();
    }),
    timed(async () => {
      await deps.elasticsearch.cluster.health({ timeout: '2s' }, { requestTimeout: CHECK_TIMEOUT_MS });
    }),
    timed(async () => {
      await deps.temporal.client.workflowService.getSystemInfo({});
    }),
    timed(async () => {
      // gettoken without parameters costs nothing and proves WeCom answers: it must say 41004.
      const response = await fetch(`${deps.config.wecomApiBase}/cgi-bin/gettoken`, {
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      const body = (await response.json()) as { errcode?: number };
      if (typeof body.errcode !== 'number') throw new Error('unexpected answer from WeCom');
    }),
  ]);
  const components = { mongo, elasticsearch, temporal, wecom };
  const status = Object.values(components).every((c) => c.status === 'ok') ? 'ok' : 'error';
  return { status, components };
}

async function timed(check: () => Promise<void>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'error',
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
