/**
 * `npm test`: the test profile's stack with fresh data, then jest project by project
 * (unit, workflows, integration, e2e — each only when it has test files).
 *   npm test -- --selectProjects unit        only that project (no servers are started for unit tests)
 *   npm test -- customers                    arguments after `--` go to every jest run
 * Servers are started only for the projects that need them: integration and e2e get FerretDB, Elasticsearch,
 * Temporal and the WeCom simulator (and the admin build; e2e also Chromium); workflows get the Temporal binaries.
 * A plain `npm test` (no arguments) also runs the admin's lint and type-checked component tests (web/, Angular's
 * vitest builder). With no jest arguments but --selectProjects, each jest run's files run in bundles of several
 * (scripts/stack/test-bundles.ts).
 * Exit code: the first failing run's, else 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './stack/errors';
import { runAttached, runCommand } from './stack/exec';
import { prepareProfile } from './stack/infra';
import {
  addJestSummaries,
  JEST_BIN,
  JEST_EXIT_GRACE_MS,
  listTests,
  parseJestArgs,
  projectOfTestFile,
  readJestSummariesByProject,
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
import { cpuTimeLine } from './stack/cpu-time';
import { checkPushdownAfterRun, emptyShapesFile } from './stack/pushdown-check';
import { checkSecretsAfterRun, emptyIssuedSecretsFile } from './stack/secrets-check';
import { provisionTemporal } from './stack/provision-temporal';
import { startTestStack } from './stack/test-stack';
import { buildAdmin } from './stack/web-build';
import { estimateTestFile, planTestBundles, slowestTestFiles, writeTestBundles } from './stack/test-bundles';
import { writeWorkflowBundle } from '../worker/workflow-code';

const test = profile('test');

runScript(test, async (supervisor) => {
  const began = Date.now();
  const { projects, passThrough } = parseJestArgs(process.argv.slice(2));

  // Each project's files by group: the shared ones several at a time with the waiting ones beside them, then
  // those that run alone.
  const groupedFiles = await Promise.all(
    projects.map(async (p) => {
      const lists = await Promise.all(TEST_GROUPS.map((g) => listTests(p, g, passThrough)));
      return Object.fromEntries(TEST_GROUPS.map((g, i) => [g, lists[i]])) as Record<TestGroup, string[]>;
    }),
  );
  const filesOf = (p: ProjectName) => groupedFiles[projects.indexOf(p)];
  const allFilesOf = (p: ProjectName) => TEST_GROUPS.flatMap((g) => filesOf(p)[g]);
  const toRun = projects.filter((p) => allFilesOf(p).length > 0);
  const empty = projects.filter((p) => !toRun.includes(p));
  if (toRun.length === 0) {
    for (const p of empty) log.info(`– ${p.padEnd(12)} no test files`);
    log.warn('No test files in the selected projects: nothing to run');
    log.info('tests: 0 passed, 0 failed');
    return 0;
  }

  // A plain run (no filter for jest) runs each jest run's files as bundles that share a module registry
  // (scripts/stack/test-bundles.ts); a filtered run, file by file as jest finds them.
  const bundleDir = passThrough.length === 0 ? path.join(test.dir, 'bundles') : undefined;

  const needs = (...ps: ProjectName[]) => toRun.some((p) => ps.includes(p));
  const servers = needs('integration', 'e2e');
  await prepareProfile(test);
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  fs.rmSync(FILE_SECONDS, { force: true });
  // The simulator (its process, and any a test starts) lists every secret it issues there, for the secrets check.
  const issuedSecrets = emptyIssuedSecretsFile(test);
  process.env.SIM_ISSUED_SECRETS_FILE = issuedSecrets;
  // The workflows are bundled once for the run: every worker the tests start (hundreds) reads this file instead
  // of running webpack at its start.
  const workflowBundle = needs('workflows', 'integration', 'e2e')
    ? path.join(test.dataDir, 'workflow-bundle.js')
    : undefined;
  if (workflowBundle) {
    const bundleBegan = Date.now();
    await writeWorkflowBundle(workflowBundle);
    log.done(`Workflows: bundled into ${path.relative(ROOT, workflowBundle)} (${elapsed(bundleBegan)})`);
  }
  const stack = startTestStack(test, supervisor, {
    servers,
    temporalBinaries: needs('workflows', 'integration', 'e2e'),
    chromium: needs('e2e'),
    fuzzer: toRun.some((p) => allFilesOf(p).some((f) => f.includes('api-fuzz'))),
  }).then((env) => ({
    ...env,
    ...(workflowBundle ? { WORKFLOW_BUNDLE_PATH: workflowBundle } : {}),
    // Every MongoDB connection of the integration and e2e runs (theirs, and the api and workers they start)
    // records its query shapes there, for the pushdown check below.
    SCRM_QUERY_SHAPES_FILE: emptyShapesFile(test),
  }));

  // The admin is built beside the servers' start, not as part of it: what does not need it starts before it is built.
  const adminBuilt: Promise<unknown> = servers
    ? buildAdmin(path.join(test.logDir, 'web-build.log'))
    : Promise.resolve();
  // Awaited further down; a failure before then is reported there, not as an unhandled rejection.
  adminBuilt.catch(() => undefined);

  // The projects that need no servers (unit, workflows: those get only the Temporal binaries) run while the
  // servers start and the admin builds. The files that mostly wait start in a lane of their own once the servers
  // are up: they take little CPU, and started then (not two minutes in, after the admin's build) the lane has room
  // for more of the files that wait. The other files with servers then run together, so that one project's last
  // slow file does not hold the next project back. The files that run alone come last, one at a time.
  const withoutServers = toRun.filter((p) => p === 'unit' || p === 'workflows');
  const withServers = toRun.filter((p) => p === 'integration' || p === 'e2e');
  const runs: JestRun[] = [];
  const early = withoutServers.length
    ? provisionTemporal(path.join(test.logDir, 'provision.log')).then(async (temporal) =>
        runs.push(
          await runJest(withoutServers, 'shared', {
            files: withoutServers.flatMap((p) => filesOf(p).shared),
            bundleDir,
            workers: 2,
            passThrough,
            env: {
              ...process.env,
              TEMPORAL_BIN: temporal.cli,
              TEMPORAL_TEST_SERVER_BIN: temporal.testServer,
              ...(workflowBundle ? { WORKFLOW_BUNDLE_PATH: workflowBundle } : {}),
            },
          }),
        ),
      )
    : Promise.resolve();
  early.catch(() => undefined);
  const env = await stack;
  // The files that mostly wait run beside the shared ones, two at a time (in band, after them, when those run one
  // at a time).
  const sharedWith = withServers.filter((p) => filesOf(p).shared.length > 0);
  const withFilesThatWait = toRun.filter((p) => filesOf(p).waits.length > 0);
  const shared = () =>
    sharedWith.length
      ? runJest(sharedWith, 'shared', {
          files: sharedWith.flatMap((p) => filesOf(p).shared),
          bundleDir,
          workers: SHARED_WORKERS,
          passThrough,
          env,
        })
      : undefined;
  const waiting = () =>
    withFilesThatWait.length
      ? runJest(withFilesThatWait, 'waits', {
          files: withFilesThatWait.flatMap((p) => filesOf(p).waits),
          bundleDir,
          workers: SHARED_WORKERS > 1 ? WAITING_WORKERS : 1,
          passThrough,
          env,
        })
      : undefined;
  const waitingBeside =
    SHARED_WORKERS > 1
      ? withFilesThatWait.includes('e2e')
        ? adminBuilt.then(waiting)
        : waiting()
      : undefined;
  await Promise.all([early, adminBuilt]);
  // A plain `npm test` (no arguments) also runs the admin's lint and type-checked component tests, beside the
  // projects with servers (their output in a log file; its tail is shown when one fails).
  const runsEverything = process.argv.length <= 2;
  const web =
    runsEverything && fs.existsSync(path.join(ROOT, 'web', 'package.json'))
      ? runWebChecks(env)
      : Promise.resolve(undefined);
  const sideBySide =
    SHARED_WORKERS > 1 ? await Promise.all([shared(), waitingBeside]) : [await shared(), await waiting()];
  for (const run of sideBySide) if (run) runs.push(run);
  const withFilesAlone = toRun.filter((p) => filesOf(p).alone.length > 0);
  if (withFilesAlone.length)
    runs.push(
      await runJest(withFilesAlone, 'alone', {
        files: withFilesAlone.flatMap((p) => filesOf(p).alone),
        bundleDir,
        workers: 1,
        passThrough,
        env,
      }),
    );
  const webResult = await web;

  const results = toRun.map((project) => {
    const mine = runs.filter((run) => run.projects.includes(project));
    const summaries = mine.map((run) => run.summaries?.get(project));
    // A run holds several projects: one project's failing test fails the run, not the others. A run that failed
    // with no failing test in its results (jest itself failed) fails each of its projects.
    const failedUnexplained = mine.some(
      (run) =>
        run.code !== 0 &&
        (!run.summaries || [...run.summaries.values()].every((s) => s.failed + s.brokenSuites === 0)),
    );
    return {
      project,
      code: mine.find((run) => run.code !== 0)?.code ?? 0,
      failed:
        failedUnexplained ||
        summaries.some((s) => s !== undefined && s.failed + s.brokenSuites > 0) ||
        mine.some((run) => run.hung),
      hung: mine.some((run) => run.hung),
      summary: mine.every((run) => run.summaries)
        ? addJestSummaries(summaries.filter((s): s is JestSummary => Boolean(s)))
        : undefined,
    };
  });

  // What the run's CPU time went to, read while the servers still run.
  const cpu = cpuTimeLine(supervisor.runningServices(), (Date.now() - began) / 1000);
  // Stop the servers now, so that the summary below is the last thing the run prints (CI reads the closing lines).
  await supervisor.stopAll();
  const pushdown = checkPushdownAfterRun(env.SCRM_QUERY_SHAPES_FILE, test, {
    projects: toRun,
    filtered: passThrough.length > 0,
  });
  const secrets = servers ? checkSecretsAfterRun(test, issuedSecrets, env) : undefined;

  log.info('');
  const total: JestSummary = { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 };
  for (const { project, code, failed, hung, summary } of results) {
    const mark = failed ? '✗' : '✓';
    if (!summary) {
      log.info(`${mark} ${project.padEnd(12)} jest exited with code ${code} before reporting results`);
      if (code !== 0) total.failed += 1;
      continue;
    }
    const broken = summary.brokenSuites ? `, ${summary.brokenSuites} test files failed to run` : '';
    const leak = hung ? ', then did not exit (a test left something open)' : '';
    log.info(
      `${mark} ${project.padEnd(12)} ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${broken}${leak}`,
    );
    total.passed += summary.passed;
    total.failed += summary.failed + summary.brokenSuites + (hung ? 1 : 0);
    total.skipped += summary.skipped;
  }
  if (webResult) {
    const outcome = webResult.failedStep
      ? `admin ${webResult.failedStep} failed (log: ${path.relative(ROOT, WEB_CHECKS_LOG)})`
      : 'admin lint and type-checked component tests passed';
    log.info(`${webResult.failedStep ? '✗' : '✓'} ${'web'.padEnd(12)} ${outcome} (${webResult.seconds})`);
    if (webResult.failedStep) total.failed += 1;
  }
  for (const run of runs) log.info(run.timing);
  const slowest = slowestTestFiles(
    FILE_SECONDS,
    (file) => estimateTestFile(projectOfTestFile(file, toRun), file).seconds,
  );
  if (slowest) log.info(slowest);
  if (cpu) log.info(cpu);
  if (pushdown) log.info(pushdown.summary);
  if (pushdown?.failed) total.failed += 1;
  if (secrets) log.info(secrets.summary);
  if (secrets?.failed) total.failed += 1;
  for (const p of empty) log.info(`– ${p.padEnd(12)} no test files`);
  log.info(`(npm test took ${elapsed(began)}; logs in ${path.relative(ROOT, test.logDir)})`);
  log.info(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return (
    results.find((r) => r.code !== 0)?.code ??
    (webResult?.failedStep || pushdown?.failed || secrets?.failed ? 1 : 0)
  );
});

/**
 * How many test files of the projects with servers run at once (jest workers). Two keep the 2-core machine busy
 * without starving it: three were ~10 % faster, but with the CPU saturated for the whole run, browser clicks,
 * heartbeats and time-skipping tests that hold on a quiet machine missed their timeouts (3 to 4 failures a clean
 * clone in two runs of four). SCRM_TEST_WORKERS=1 runs every file in band.
 */
const SHARED_WORKERS = Math.max(1, Number(process.env.SCRM_TEST_WORKERS ?? 2) || 1);

/**
 * How many of the files that mostly wait run at once, beside the shared workers. They take little CPU (8 files,
 * about 820 s, 33 s of CPU in a clean-clone run), and one at a time their lane ended that run 80 s after the
 * shared one.
 */
const WAITING_WORKERS = 2;

/** How a run's line names its group's files. */
const GROUP_WORDS: Record<TestGroup, string> = {
  shared: '',
  waits: ', the files that mostly wait',
  alone: ', the files that run alone',
};

interface JestRun {
  projects: ProjectName[];
  code: number;
  hung: boolean;
  /** Per project; undefined when jest wrote no results. */
  summaries?: Map<ProjectName, JestSummary>;
  /** A line for the summary: what ran, how many at a time, how long. */
  timing: string;
}

/**
 * One jest run over some projects' files of a group: results in `jest-<projects>[-<group>].json` (no suffix for
 * the shared group), and what the api and workers running inside jest log in `jest-<projects>[-<group>]-servers.log`,
 * not between the tests' own lines.
 */
async function runJest(
  projects: ProjectName[],
  group: TestGroup,
  {
    files,
    bundleDir,
    workers,
    passThrough,
    env,
  }: {
    files: string[];
    /** Where to write the files' bundles, when they run bundled. */
    bundleDir?: string;
    workers: number;
    passThrough: string[];
    env: NodeJS.ProcessEnv;
  },
): Promise<JestRun> {
  const began = Date.now();
  const what = `${projects.join(' + ')}${GROUP_WORDS[group]}`;
  const atOnce = workers > 1 ? `${workers} at a time` : 'one at a time';
  const bundles = bundleDir
    ? writeTestBundles(
        bundleDir,
        planTestBundles(
          group,
          files.map((file) => estimateTestFile(projectOfTestFile(file, projects), file)),
          workers,
        ),
      )
    : undefined;
  const inBundles = bundles ? ` in ${bundles.length} bundles` : '';
  log.info('');
  log.step(`jest: ${what} (${files.length} test files${inBundles}, ${atOnce})`);
  const name = `${projects.join('-')}${group === 'shared' ? '' : `-${group}`}`;
  const outputFile = path.join(test.logDir, `jest-${name}.json`);
  const serverLog = path.join(test.logDir, `jest-${name}-servers.log`);
  fs.rmSync(outputFile, { force: true });
  let hung = false;
  const code = await runAttached(
    process.execPath,
    [
      JEST_BIN,
      '--selectProjects',
      ...projects,
      workers > 1 ? `--maxWorkers=${workers}` : '--runInBand',
      '--passWithNoTests',
      '--json',
      '--outputFile',
      outputFile,
      ...passThrough,
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        LOG_FILE: serverLog,
        SCRM_TEST_GROUP: group,
        ...(bundles ? { SCRM_TEST_BUNDLES: bundleDir, SCRM_TEST_FILE_SECONDS: FILE_SECONDS } : {}),
      },
      watch: (jest) =>
        stopJestThatDoesNotExit(jest, outputFile, () => {
          hung = true;
          log.fail(
            `jest: ${what} did not exit ${JEST_EXIT_GRACE_MS / 1000} s after its tests: a test left a timer, ` +
              `connection or server open. Find it with: npm test -- --selectProjects ${projects[0]} ` +
              `--detectOpenHandles <test file>`,
          );
        }),
    },
  );
  return {
    projects,
    code,
    hung,
    summaries: readJestSummariesByProject(outputFile, (file) => projectOfTestFile(file, projects)),
    timing: `(jest: ${what}, ${files.length} files${inBundles} ${atOnce}, ${elapsed(began)})`,
  };
}

const WEB_CHECKS_LOG = path.join(test.logDir, 'web-checks.log');
/** What each bundled test file took (test/support/file-seconds.ts), for the summary's slowest files. */
const FILE_SECONDS = path.join(test.logDir, 'test-file-seconds.jsonl');

/**
 * The admin's lint and component tests, in that order: the first that fails ends them. Nothing is left untyped:
 * the component tests' build (Angular's unit-test builder) type-checks the specs and what they import, failing on
 * a type error as `tsc -p tsconfig.spec.json` does (tried: a TS2322 planted in a spec fails it), and the app's own
 * code was type-checked by the admin's build this run needed. The separate `typecheck:specs` took 16 s of CPU.
 */
async function runWebChecks(env: NodeJS.ProcessEnv): Promise<{ failedStep?: string; seconds: string }> {
  const began = Date.now();
  log.step(`web: admin lint and component tests (log: ${path.relative(ROOT, WEB_CHECKS_LOG)})…`);
  for (const [script, what] of [
    ['lint', 'lint'],
    ['test', 'component tests'],
  ] as const) {
    try {
      await runCommand('npm', ['run', script, '--prefix', 'web'], {
        cwd: ROOT,
        // CI=1 keeps Angular's persistent cache out of the component tests' build: its TypeScript state would replace
        // the admin build's in the cache every checkout shares (web-build.ts), and the next build would start cold.
        // The component tests' build gained nothing from it (42 s of CPU without, 49 s with).
        env: script === 'test' ? { ...env, CI: '1' } : env,
        logFile: WEB_CHECKS_LOG,
        what: `the admin's ${what} (npm run ${script} --prefix web)`,
      });
    } catch (error) {
      log.fail(error instanceof Error ? error.message : String(error));
      if (error instanceof StackError && error.details) log.detail(error.details);
      return { failedStep: what, seconds: elapsed(began) };
    }
  }
  return { seconds: elapsed(began) };
}
