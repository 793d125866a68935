/**
 * `npm run test:faults`: the fault matrix (issue 18). The test profile's stack with fresh data, then the jest
 * project `faults` (test/faults/*.faults.ts): each long process meets each fault at a point drawn from the
 * seed, and after recovery its end state is compared with the fault-free one. Ends with the table
 * process × fault × runs × lost × doubled × recovery seconds (scripts/stack/fault-matrix.ts).
 *   SCRM_FAULT_SEED=<n>   replays a run (printed at its start and under the table)
 *   SCRM_FAULT_RUNS=<n>   runs per cell (1 by default)
 *   npm run test:faults -- mass-send   arguments go to jest (here: only test/faults/mass-send.faults.ts)
 *   npm run test:faults -- --ci-subset   only the cells `.ci/run` runs after `npm test` (CI_SUBSET)
 * Not part of `npm test`; the whole matrix is run locally.
 * Exit code: jest's when it failed, else 1 when anything was lost, doubled or unfinished, else 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runAttached } from './stack/exec';
import {
  CI_SUBSET,
  faultMatrixFailed,
  faultRuns,
  faultSeed,
  faultSubset,
  parseFaultResults,
  renderFaultMatrix,
} from './stack/fault-matrix';
import { JEST_BIN, stopJestThatDoesNotExit } from './stack/jest-projects';
import { runScript } from './stack/lifecycle';
import { elapsed, log } from './stack/log';
import { ROOT } from './stack/paths';
import { profile } from './stack/profiles';
import { startTestStack } from './stack/test-stack';

const test = profile('test');
const CI_SUBSET_FLAG = '--ci-subset';

runScript(test, async (supervisor) => {
  const began = Date.now();
  const { seed, given } = faultSeed(process.env);
  const runs = faultRuns(process.env);
  // One word for `.ci/run`, the env var for the cells (fault-cells.ts reads it); the other arguments go to jest.
  const jestArgs = process.argv.slice(2).filter((arg) => arg !== CI_SUBSET_FLAG);
  const subset = jestArgs.length < process.argv.length - 2 ? 'ci' : faultSubset(process.env);
  log.info(
    `fault matrix: seed ${seed}${given ? ' (SCRM_FAULT_SEED)' : ''}, ${runs} run(s) per cell` +
      (subset ? `, only CI's subset (${CI_SUBSET.length} cells)` : ''),
  );

  const env = await startTestStack(test, supervisor, {
    servers: true,
    temporalBinaries: true,
    chromium: false,
    fuzzer: false,
  });
  const resultsFile = path.join(test.logDir, 'faults-results.jsonl');
  fs.writeFileSync(resultsFile, '');
  const jestOutput = path.join(test.logDir, 'jest-faults.json');
  fs.rmSync(jestOutput, { force: true });
  const code = await runAttached(
    process.execPath,
    [
      JEST_BIN,
      '--selectProjects',
      'faults',
      '--runInBand',
      '--json',
      '--outputFile',
      jestOutput,
      ...jestArgs,
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        LOG_FILE: path.join(test.logDir, 'jest-faults-servers.log'),
        SCRM_FAULT_SEED: String(seed),
        SCRM_FAULT_RUNS: String(runs),
        SCRM_FAULT_RESULTS_FILE: resultsFile,
        SCRM_FAULT_SUBSET: subset ?? '',
      },
      watch: (jest) =>
        stopJestThatDoesNotExit(jest, jestOutput, () =>
          log.fail(
            'jest: faults did not exit after its tests (a test left a timer, connection or server open)',
          ),
        ),
    },
  );
  await supervisor.stopAll();

  const results = parseFaultResults(fs.readFileSync(resultsFile, 'utf8'));
  log.info('');
  log.info(renderFaultMatrix(results, seed));
  const failed = faultMatrixFailed(results);
  for (const r of results.filter((r) => r.error))
    log.fail(`${r.process} × ${r.fault} run ${r.run}: ${r.error}`);
  log.info(
    `(test:faults took ${elapsed(began)}; jest ${code === 0 ? 'passed' : `exited with ${code}`}; ` +
      `${failed ? 'something was lost, doubled or unfinished' : 'nothing lost, nothing doubled'}; ` +
      `logs in ${path.relative(ROOT, test.logDir)})`,
  );
  return code !== 0 ? code : failed ? 1 : 0;
});
