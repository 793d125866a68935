/**
 * `npm run bench`: the bench profile's stack with fresh data (the test ports, `npm start`'s durable store: PostgreSQL
 * with FerretDB, Elasticsearch, Temporal, WeCom simulator),
 * then every bench/*.bench.ts in turn with `node --import tsx`, their output printed as it comes.
 * Arguments filter the files by name: `npm run bench -- search` runs bench/*search*.bench.ts.
 * A bench whose first line is `// bench: no servers` (pure CPU) needs no stack: when every selected bench says
 * so, none is started.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runAttached } from './stack/exec';
import { runScript } from './stack/lifecycle';
import { elapsed, log } from './stack/log';
import { ROOT } from './stack/paths';
import { profile } from './stack/profiles';
import { startTestStack } from './stack/test-stack';

const bench = profile('bench');
const BENCH_DIR = path.join(ROOT, 'bench');
const NO_SERVERS = '// bench: no servers';

const needsServers = (file: string) =>
  !fs.readFileSync(path.join(BENCH_DIR, file), 'utf8').startsWith(`${NO_SERVERS}\n`);

runScript(bench, async (supervisor) => {
  const filters = process.argv.slice(2);
  const benches = (fs.existsSync(BENCH_DIR) ? fs.readdirSync(BENCH_DIR) : [])
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
    .sort();
  if (benches.length === 0) {
    log.info(
      filters.length ? `no benchmarks match ${filters.join(' ')}` : 'no benchmarks yet (bench/*.bench.ts)',
    );
    return 0;
  }

  const env = benches.some(needsServers)
    ? await startTestStack(bench, supervisor, {
        servers: true,
        temporalBinaries: true,
        chromium: false,
        fuzzer: false,
      })
    : process.env;
  const results: { file: string; code: number; seconds: string }[] = [];
  for (const file of benches) {
    const began = Date.now();
    log.info('');
    log.step(`bench/${file}`);
    const code = await runAttached(process.execPath, ['--import', 'tsx', path.join('bench', file)], {
      cwd: ROOT,
      env,
    });
    results.push({ file, code, seconds: elapsed(began) });
  }
  log.info('');
  for (const { file, code, seconds } of results) {
    log.info(
      `${code === 0 ? '✓' : '✗'} bench/${file} ${code === 0 ? '' : `exited with code ${code} `}(${seconds})`,
    );
  }
  return results.find((r) => r.code !== 0)?.code ?? 0;
});
