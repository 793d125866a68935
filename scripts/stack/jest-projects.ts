import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { ROOT } from './paths';
import { projectOfBundle } from './test-bundles';

/** The jest projects of jest.config.js, in the order `npm test` runs them. */
export const PROJECTS = ['unit', 'workflows', 'integration', 'e2e'] as const;
export type ProjectName = (typeof PROJECTS)[number];

export const JEST_BIN = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

export interface JestArgs {
  /** Projects to run, in run order. */
  projects: ProjectName[];
  /** Everything else, passed to every jest run. */
  passThrough: string[];
}

/** Splits `npm test -- …` arguments: `--selectProjects a b` picks projects; the rest goes to jest as is. */
export function parseJestArgs(argv: string[]): JestArgs {
  const selected: string[] = [];
  const passThrough: string[] = [];
  let selecting = false;
  let sawSelect = false;
  for (const arg of argv) {
    if (arg === '--selectProjects') {
      selecting = true;
      sawSelect = true;
    } else if (arg.startsWith('--selectProjects=')) {
      selected.push(...arg.slice('--selectProjects='.length).split(',').filter(Boolean));
      selecting = false;
      sawSelect = true;
    } else if (selecting && !arg.startsWith('-')) {
      selected.push(arg);
    } else {
      selecting = false;
      passThrough.push(arg);
    }
  }
  const unknown = selected.filter((p) => !(PROJECTS as readonly string[]).includes(p));
  if (unknown.length)
    throw new StackError(
      `Unknown jest project ${unknown.join(', ')}: the projects are ${PROJECTS.join(', ')}.`,
    );
  if (sawSelect && selected.length === 0)
    throw new StackError(`--selectProjects needs a project name (${PROJECTS.join(', ')}).`);
  return { projects: sawSelect ? PROJECTS.filter((p) => selected.includes(p)) : [...PROJECTS], passThrough };
}

/**
 * A project's files run in three groups (jest.config.js): `shared`, several at a time; beside them `waits`, the
 * files that say `// Mostly waits: <why>`, one at a time; then `alone`, the files that say `// Runs alone: <why>`,
 * one at a time.
 */
export type TestGroup = 'shared' | 'waits' | 'alone';
export const TEST_GROUPS: readonly TestGroup[] = ['shared', 'waits', 'alone'];

/** Test files jest would run for a project's group with these arguments (`jest --listTests`). */
export function listTests(project: ProjectName, group: TestGroup, passThrough: string[]): Promise<string[]> {
  if (!fs.existsSync(JEST_BIN))
    throw new StackError(
      `jest is not installed (${JEST_BIN} missing): run \`npm ci\` at the repository root.`,
    );
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [JEST_BIN, '--listTests', '--json', '--selectProjects', project, ...passThrough],
      {
        cwd: ROOT,
        env: { ...process.env, SCRM_TEST_GROUP: group },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const json = out.slice(out.indexOf('['));
      try {
        if (code === 0) return resolve(JSON.parse(json) as string[]);
      } catch {
        // fall through
      }
      reject(
        new StackError(`jest --listTests failed for project ${project} (exit code ${code}).`, err.trim()),
      );
    });
  });
}

export interface JestSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that could not run at all (syntax error, failing import, …). */
  brokenSuites: number;
}

/** The counts of a project's groups together. */
export function addJestSummaries(summaries: JestSummary[]): JestSummary {
  return summaries.reduce(
    (sum, s) => ({
      passed: sum.passed + s.passed,
      failed: sum.failed + s.failed,
      skipped: sum.skipped + s.skipped,
      brokenSuites: sum.brokenSuites + s.brokenSuites,
    }),
    { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 },
  );
}

/** The project a test file (or bundle) of a run over `among` belongs to, by the folders of jest.config.js. */
export function projectOfTestFile(file: string, among: ProjectName[]): ProjectName {
  const [top, project] = path.relative(ROOT, file).split(path.sep);
  const named = projectOfBundle(file) ?? ((top === 'test' ? project : 'unit') as ProjectName);
  return among.includes(named) ? named : among[0];
}

interface JestFileResult {
  name: string;
  status: 'passed' | 'failed';
  assertionResults: { status: string }[];
}

/**
 * Counts from the file written by `jest --json --outputFile` of a run that held several projects' files, per
 * project (`projectOf` names a file's); undefined when jest wrote none. A file that failed without a failing test
 * (it could not be loaded, or a hook outside the tests failed) counts as a broken suite.
 */
export function readJestSummariesByProject(
  file: string,
  projectOf: (testFile: string) => ProjectName,
): Map<ProjectName, JestSummary> | undefined {
  let results: JestFileResult[];
  try {
    results = (JSON.parse(fs.readFileSync(file, 'utf8')) as { testResults: JestFileResult[] }).testResults;
  } catch {
    return undefined;
  }
  const byProject = new Map<ProjectName, JestSummary>();
  for (const result of results) {
    const project = projectOf(result.name);
    const sum = byProject.get(project) ?? { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 };
    const count = (...statuses: string[]) =>
      result.assertionResults.filter((a) => statuses.includes(a.status)).length;
    sum.passed += count('passed');
    sum.failed += count('failed');
    sum.skipped += count('pending', 'todo', 'skipped', 'disabled');
    if (result.status === 'failed' && count('failed') === 0) sum.brokenSuites += 1;
    byProject.set(project, sum);
  }
  return byProject;
}

/** How long jest may take to exit once its tests are done: it closes nothing itself, it only waits. */
export const JEST_EXIT_GRACE_MS = 30_000;

/**
 * jest runs without --forceExit, so a test file that leaves a timer, a connection or a server open keeps it
 * from exiting: it would hang the run. jest writes its --outputFile when the tests are done; a jest still
 * running JEST_EXIT_GRACE_MS later is stopped, and `onHang` says so (the project then fails: the leak gets
 * fixed, not hidden). The file must not exist before jest starts.
 */
export function stopJestThatDoesNotExit(
  jest: ChildProcess,
  outputFile: string,
  onHang: () => void,
  graceMs = JEST_EXIT_GRACE_MS,
): void {
  let deadline: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (!fs.existsSync(outputFile)) return;
    clearInterval(poll);
    deadline = setTimeout(() => {
      onHang();
      jest.kill('SIGKILL');
    }, graceMs);
  }, 500);
  jest.once('exit', () => {
    clearInterval(poll);
    clearTimeout(deadline);
  });
}
