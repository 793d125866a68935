/**
 * `npm test`: the test profile's stack with fresh data, then jest project by project
 * (unit, workflows, integration, e2e — each only when it has test files).
 *   npm test -- --selectProjects unit        only that project (no servers are started for unit tests)
 *   npm test -- customers                    arguments after `--` go to every jest run
 * Servers are started only for the projects that need them: integration and e2e get FerretDB, Elasticsearch,
 * Temporal and the WeCom simulator (and the admin build; e2e also Chromium); workflows get the Temporal binaries.
 * A plain `npm test` (no arguments) also runs the admin's lint, typecheck and component tests (web/, Angular's
 * vitest builder).
 * Exit code: the first failing run's, else 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runAttached } from './stack/exec';
import {
  addJestSummaries,
  JEST_BIN,
  JEST_EXIT_GRACE_MS,
  listTests,
  parseJestArgs,
  readJestSummary,
  stopJestThatDoesNotExit,
  TEST_GROUPS,
  type JestSummary,
  type ProjectName,
  type TestGroup,
} from './stack/jest-projects';
import { runScript } from './stack/lifecycle';
import { elapsed, log } from './stack/log';
import { ROOT } from './stack/paths';
import { profile } from './stack/profiles';
import { checkPushdownAfterRun, emptyShapesFile } from './stack/pushdown-check';
import { checkSecretsAfterRun, emptyIssuedSecretsFile } from './stack/secrets-check';
import { startTestStack } from './stack/test-stack';
import { writeWorkflowBundle } from '../worker/workflow-code';

const test = profile('test');

runScript(test, async (supervisor) => {
  const began = Date.now();
  const { projects, passThrough } = parseJestArgs(process.argv.slice(2));

  // Each project's files by group: the shared ones first, several at a time, then those that run alone.
  const groupedFiles = await Promise.all(
    projects.map(async (p) => {
      const [shared, alone] = await Promise.all(TEST_GROUPS.map((g) => listTests(p, g, passThrough)));
      return { shared, alone };
    }),
  );
  const testFiles = groupedFiles.map(({ shared, alone }) => [...shared, ...alone]);
  const toRun = projects.filter((_, i) => testFiles[i].length > 0);
  const empty = projects.filter((_, i) => testFiles[i].length === 0);
  if (toRun.length === 0) {
    for (const p of empty) log.info(`– ${p.padEnd(12)} no test files`);
    log.warn('No test files in the selected projects: nothing to run');
    log.info('tests: 0 passed, 0 failed');
    return 0;
  }

  const needs = (...ps: ProjectName[]) => toRun.some((p) => ps.includes(p));
  const servers = needs('integration', 'e2e');
  // The simulator (its process, and any a test starts) lists every secret it issues there, for the secrets check.
  const issuedSecrets = emptyIssuedSecretsFile(test);
  process.env.SIM_ISSUED_SECRETS_FILE = issuedSecrets;
  const env = await startTestStack(test, supervisor, {
    servers,
    temporalBinaries: needs('workflows', 'integration', 'e2e'),
    admin: needs('integration', 'e2e'),
    chromium: needs('e2e'),
    fuzzer: testFiles.flat().some((file) => file.includes('api-fuzz')),
  });
  // Every MongoDB connection of the integration and e2e runs (theirs, and the api and workers they start)
  // records its query shapes there, for the pushdown check below.
  env.SCRM_QUERY_SHAPES_FILE = emptyShapesFile(test);
  // The workflows are bundled once for the run: every worker the tests start (hundreds) reads this file instead
  // of running webpack at its start.
  if (needs('workflows', 'integration', 'e2e')) {
    const bundleBegan = Date.now();
    env.WORKFLOW_BUNDLE_PATH = path.join(test.dataDir, 'workflow-bundle.js');
    await writeWorkflowBundle(env.WORKFLOW_BUNDLE_PATH);
    log.done(
      `Workflows: bundled into ${path.relative(ROOT, env.WORKFLOW_BUNDLE_PATH)} (${elapsed(bundleBegan)})`,
    );
  }

  const results: {
    project: ProjectName;
    code: number;
    hung: boolean;
    summary?: JestSummary;
    seconds: string;
  }[] = [];
  for (const project of toRun) {
    const projectBegan = Date.now();
    const files = groupedFiles[projects.indexOf(project)];
    const runs: { code: number; hung: boolean; summary?: JestSummary }[] = [];
    for (const group of TEST_GROUPS) {
      if (files[group].length === 0) continue;
      runs.push(await runJestGroup(project, group, files[group].length, { passThrough, env }));
    }
    const summaries = runs.map((r) => r.summary);
    results.push({
      project,
      code: runs.find((r) => r.code !== 0)?.code ?? 0,
      hung: runs.some((r) => r.hung),
      summary: summaries.every((s) => s) ? addJestSummaries(summaries as JestSummary[]) : undefined,
      seconds: elapsed(projectBegan),
    });
  }

  // The admin has its own lint, typecheck and component-test runner; a plain `npm test` runs all three, in that
  // order, and the web line of the summary names the first that failed.
  const runsEverything = process.argv.length <= 2;
  let web: { code: number; failedStep?: string; seconds: string } | undefined;
  if (runsEverything && fs.existsSync(path.join(ROOT, 'web', 'package.json'))) {
    const webBegan = Date.now();
    let code = 0;
    let failedStep: string | undefined;
    for (const [script, what] of [
      ['lint', 'lint'],
      ['typecheck', 'typecheck'],
      ['test', 'component tests'],
    ] as const) {
      log.info('');
      log.step(`web: admin ${what} (npm run ${script} --prefix web)`);
      code = await runAttached('npm', ['run', script, '--prefix', 'web'], { cwd: ROOT, env });
      if (code !== 0) {
        failedStep = what;
        break;
      }
    }
    web = { code, failedStep, seconds: elapsed(webBegan) };
  }

  // Stop the servers now, so that the summary below is the last thing the run prints (CI reads the closing lines).
  await supervisor.stopAll();
  const pushdown = checkPushdownAfterRun(env.SCRM_QUERY_SHAPES_FILE, test, {
    projects: toRun,
    filtered: passThrough.length > 0,
  });
  const secrets = servers ? checkSecretsAfterRun(test, issuedSecrets, env) : undefined;

  log.info('');
  const total: JestSummary = { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 };
  for (const { project, code, hung, summary, seconds } of results) {
    const mark = code === 0 ? '✓' : '✗';
    if (!summary) {
      log.info(
        `${mark} ${project.padEnd(12)} jest exited with code ${code} before reporting results (${seconds})`,
      );
      if (code !== 0) total.failed += 1;
      continue;
    }
    const broken = summary.brokenSuites ? `, ${summary.brokenSuites} test files failed to run` : '';
    const leak = hung ? ', then did not exit (a test left something open)' : '';
    log.info(
      `${mark} ${project.padEnd(12)} ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${broken}${leak} (${seconds})`,
    );
    total.passed += summary.passed;
    total.failed += summary.failed + summary.brokenSuites + (hung ? 1 : 0);
    total.skipped += summary.skipped;
  }
  if (web) {
    const outcome = web.failedStep
      ? `admin ${web.failedStep} failed`
      : 'admin lint, typecheck and component tests passed';
    log.info(`${web.code === 0 ? '✓' : '✗'} ${'web'.padEnd(12)} ${outcome} (${web.seconds})`);
    if (web.code !== 0) total.failed += 1;
  }
  if (pushdown) log.info(pushdown.summary);
  if (pushdown?.failed) total.failed += 1;
  if (secrets) log.info(secrets.summary);
  if (secrets?.failed) total.failed += 1;
  for (const p of empty) log.info(`– ${p.padEnd(12)} no test files`);
  log.info(`(npm test took ${elapsed(began)}; logs in ${path.relative(ROOT, test.logDir)})`);
  log.info(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return (
    results.find((r) => r.code !== 0)?.code ??
    (web && web.code !== 0 ? web.code : pushdown?.failed || secrets?.failed ? 1 : 0)
  );
});

/**
 * How many test files of a project's shared group run at once (jest workers): the 2-core machine's tests mostly
 * wait on servers, so two files at a time keep both cores busy. SCRM_TEST_WORKERS=1 runs every file in band.
 */
const SHARED_WORKERS = Math.max(1, Number(process.env.SCRM_TEST_WORKERS ?? 2) || 1);

/** One jest run: a project's group of files, its results in `jest-<project>[-alone].json`. */
async function runJestGroup(
  project: ProjectName,
  group: TestGroup,
  fileCount: number,
  { passThrough, env }: { passThrough: string[]; env: NodeJS.ProcessEnv },
): Promise<{ code: number; hung: boolean; summary?: JestSummary }> {
  const parallel = group === 'shared' && SHARED_WORKERS > 1;
  log.info('');
  log.step(
    `jest: ${project}${group === 'alone' ? ', the files that run alone' : ''} (${fileCount} test files, ` +
      `${parallel ? `${SHARED_WORKERS} at a time` : 'one at a time'})`,
  );
  const name = group === 'alone' ? `${project}-alone` : project;
  const outputFile = path.join(test.logDir, `jest-${name}.json`);
  // What the api and workers running inside jest log goes to a file, not between the tests' own lines.
  const serverLog = path.join(test.logDir, `jest-${project}-servers.log`);
  fs.rmSync(outputFile, { force: true });
  let hung = false;
  const code = await runAttached(
    process.execPath,
    [
      JEST_BIN,
      '--selectProjects',
      project,
      parallel ? `--maxWorkers=${SHARED_WORKERS}` : '--runInBand',
      '--passWithNoTests',
      '--json',
      '--outputFile',
      outputFile,
      ...passThrough,
    ],
    {
      cwd: ROOT,
      env: { ...env, LOG_FILE: serverLog, SCRM_TEST_GROUP: group },
      watch: (jest) =>
        stopJestThatDoesNotExit(jest, outputFile, () => {
          hung = true;
          log.fail(
            `jest: ${project} did not exit ${JEST_EXIT_GRACE_MS / 1000} s after its tests: a test left a timer, ` +
              `connection or server open. Find it with: npm test -- --selectProjects ${project} ` +
              `--detectOpenHandles <test file>`,
          );
        }),
    },
  );
  return { code, hung, summary: readJestSummary(outputFile) };
}
