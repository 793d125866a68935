/**
 * 群活码 allocation under load (issue 5): the real api in this process, on a port of its own, against the stack's
 * FerretDB and Temporal; a code with BENCH_GROUPS groups of BENCH_LIMIT places each plus one expired group;
 * BENCH_SCANS scans fired at POST /api/public/group-codes/:tenant/:code/scans, BENCH_CONCURRENCY at a time.
 * Prints scans/s, latency percentiles, and the over-allocations (scans handed a group past its limit, or an
 * expired group), which must be 0 (it exits non-zero otherwise), and the CPU each process used while scanning.
 *
 *   BENCH_SCANS=3000 BENCH_CONCURRENCY=64 BENCH_GROUPS=10 BENCH_LIMIT=200   (defaults)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import mongoose from 'mongoose';
import { createApp } from '../api/app';
import { WeComCallStats } from '../lib/wecom/call-stats';
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { groupExpiry } from '../lib/group-codes/group-states';
import { createLogger } from '../lib/logger';
import { GroupCodeGroupModel } from '../lib/models/group-code-group.model';
import { GroupCodeScanModel } from '../lib/models/group-code-scan.model';
import { GroupCodeModel } from '../lib/models/group-code.model';
import { businessDay } from '../lib/org/manual-sync-quota';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { cpuSnapshot, cpuSpent } from './support/process-cpu';
import { percentile } from './support/percentile';

const TENANT = 'bench-group-code';
const SCANS = Number(process.env.BENCH_SCANS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 10);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 200);

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_group_codes';
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    ...process.env,
    MONGO_URL: url.toString(),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    TEMPORAL_TASK_QUEUE: `bench-group-code-${Date.now()}`,
  });
  await connectDatabase(config.mongoUrl);
  await mongoose.connection.dropDatabase();
  for (const model of [GroupCodeModel, GroupCodeGroupModel, GroupCodeScanModel]) await model.createIndexes();
  const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
  const elasticsearch = new ElasticsearchClient({ node: config.esUrl });
  const log = createLogger('bench', 'warn');
  server.on(
    'request',
    createApp({ config, log, temporal, elasticsearch, wecomStats: new WeComCallStats(log) }),
  );

  const code = await GroupCodeModel.create({
    tenantId: TENANT,
    name: '压测活码',
    scene: '压测',
    strategy: 'overflow',
    creator: { staffId: 'bench', userid: 'bench', name: '管理员' },
    groupCount: GROUPS + 1,
  });
  const codeId = String(code._id);
  const validDay = businessDay(new Date(Date.now() + 3 * 24 * 3600 * 1000));
  const expired = await GroupCodeGroupModel.create({
    tenantId: TENANT,
    codeId,
    position: 0,
    qrFileId: '0'.repeat(24),
    name: '已过期群',
    expiresOn: '2026-01-01',
    expiresAt: new Date(Date.now() - 1000),
    scanLimit: SCANS,
  });
  const groups = await GroupCodeGroupModel.insertMany(
    Array.from({ length: GROUPS }, (_, i) => ({
      tenantId: TENANT,
      codeId,
      position: i + 1,
      qrFileId: '0'.repeat(24),
      name: `群${i + 1}`,
      expiresOn: validDay,
      expiresAt: groupExpiry(validDay),
      scanLimit: LIMIT,
    })),
  );

  const handed = new Map<string, number>();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const cpuBefore = cpuSnapshot();
  const began = performance.now();
  const scanner = async () => {
    while (next < SCANS) {
      next++;
      const start = performance.now();
      const response = await fetch(`${baseUrl}/api/public/group-codes/${TENANT}/${codeId}/scans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      latencies.push(performance.now() - start);
      if (!response.ok) {
        failures++;
        continue;
      }
      const body = (await response.json()) as { group: { id: string } | null };
      const key = body.group?.id ?? 'none';
      handed.set(key, (handed.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, scanner));
  const seconds = (performance.now() - began) / 1000;
  const cpu = cpuSpent(cpuBefore, cpuSnapshot());

  let overAllocations = handed.get(String(expired._id)) ?? 0;
  for (const group of groups) overAllocations += Math.max(0, (handed.get(String(group._id)) ?? 0) - LIMIT);
  const tickets = await GroupCodeScanModel.countDocuments({
    tenantId: TENANT,
    codeId,
    groupId: { $exists: true },
  });
  const placed = [...handed.entries()].filter(([key]) => key !== 'none').reduce((sum, [, n]) => sum + n, 0);
  latencies.sort((a, b) => a - b);

  console.log(
    `group-code allocation: ${SCANS} scans, ${CONCURRENCY} concurrent, ${GROUPS} groups × ${LIMIT} places + 1 expired`,
  );
  console.log(`  throughput      ${(SCANS / seconds).toFixed(0)} scans/s (${seconds.toFixed(1)} s)`);
  console.log(
    `  latency         p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `  handed a group  ${placed} of ${Math.min(SCANS, GROUPS * LIMIT)} places; seat tickets stored ${tickets}`,
  );
  console.log(`  no group        ${handed.get('none') ?? 0}; failed requests ${failures}`);
  console.log(`  over-allocations ${overAllocations}`);
  console.log(`  CPU while scanning (${seconds.toFixed(1)} s on 2 cores): ${cpu}`);

  server.close();
  await temporal.connection.close();
  await elasticsearch.close();
  await disconnectDatabase();
  if (overAllocations > 0 || failures > 0 || placed !== tickets) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
