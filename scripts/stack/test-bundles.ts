/**
 * Test files bundled for a plain `npm test`. jest gives every test file a module registry of its own, so each
 * file loads the product's modules again (mongoose and the models, the zod contracts, the api's routes, Temporal's
 * client): for an integration file that is several seconds of CPU. A bundle is a test file of its own that requires
 * several test files, each inside a `describe` named after it: they share one registry, while their tests, hooks
 * and order stay theirs, and a failure still names its file. Ten integration files in band took 150 s of the tests'
 * CPU one by one and 106 s as one bundle (157 s → 121 s of wall time).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProjectName, TestGroup } from './jest-projects';
import { ROOT } from './paths';
import type { TimedTestFile } from '../../test/support/file-seconds';

export interface TestFileEstimate {
  project: ProjectName;
  file: string;
  /** Expected duration. */
  seconds: number;
}

export interface TestBundle {
  group: TestGroup;
  project: ProjectName;
  files: string[];
  seconds: number;
}

/** The line slow-first-sequencer.js orders files by, `// Slow (N s): <why>`; a bundle carries its files' sum. */
const SLOW_LINE = /^\/\/ Slow \((\d+) s\): /m;

/** What a file that declares nothing is expected to take: about a typical file of its project on this machine. */
const TYPICAL_SECONDS: Record<ProjectName, number> = { unit: 2, workflows: 6, integration: 16, e2e: 22 };

/** A file's expected duration: its `// Slow (N s)` line, else its project's typical file. */
export function estimateTestFile(project: ProjectName, file: string): TestFileEstimate {
  const declared = SLOW_LINE.exec(fs.readFileSync(file, 'utf8'));
  return { project, file, seconds: declared ? Number(declared[1]) : TYPICAL_SECONDS[project] };
}

// Bundles are large while much work remains and small towards the end, so that the last ones (which decide when
// the run ends) are short: each is about a third of one worker's remaining share, within these bounds. The
// estimates are rough (integration files that declare nothing take 5–60 s), so a bundle also holds at most six
// files: one of eleven such files, estimated at 176 s, took 426 s and ended the run alone. Six files keep most of
// the saving: it is the files after a bundle's first that load nothing again.
const MIN_BUNDLE_SECONDS = 40;
const MAX_BUNDLE_SECONDS = 200;
const MAX_BUNDLE_FILES = 6;
// The files that mostly wait come in bundles of a whole worker's remaining share (up to the bounds above): their
// lane ends minutes before the shared one, so an uneven end there costs nothing, while each bundle loads the
// product's modules again (about 4 s of CPU). A third of the share made 12 bundles of its 13 files; a whole one, 7.
const SHARE_PARTS: Record<TestGroup, number> = { shared: 3, waits: 1, alone: 3 };

/**
 * Groups a group's files into bundles of one project each, longest files first. A bundle closes once it holds its
 * share of the work still to plan (see above); the sequencer then starts the longest bundles first.
 */
export function planTestBundles(
  group: TestGroup,
  files: readonly TestFileEstimate[],
  workers: number,
): TestBundle[] {
  const longestFirst = [...files].sort((a, b) => b.seconds - a.seconds);
  let remaining = longestFirst.reduce((sum, f) => sum + f.seconds, 0);
  const open = new Map<ProjectName, TestBundle>();
  const bundles: TestBundle[] = [];
  for (const { project, file, seconds } of longestFirst) {
    const bundle = open.get(project) ?? { group, project, files: [], seconds: 0 };
    open.set(project, bundle);
    bundle.files.push(file);
    bundle.seconds += seconds;
    remaining -= seconds;
    const share = remaining / Math.max(1, workers) / SHARE_PARTS[group];
    const target = Math.min(MAX_BUNDLE_SECONDS, Math.max(MIN_BUNDLE_SECONDS, share));
    if (bundle.seconds >= target || bundle.files.length >= MAX_BUNDLE_FILES) {
      bundles.push(bundle);
      open.delete(project);
    }
  }
  bundles.push(...open.values());
  return bundles.sort((a, b) => b.seconds - a.seconds);
}

const FILE_SECONDS_MODULE = path.join(ROOT, 'test', 'support', 'file-seconds.ts');

const BUNDLE_NAME = /^(?:shared|waits|alone)-(unit|workflows|integration|e2e)-\d+\.test\.js$/;

/**
 * Writes one jest run's bundles into `dir` as `<group>-<project>-<n>.test.js`, the names jest.config.js matches
 * when SCRM_TEST_BUNDLES is that folder (a run's group and projects are its own). Answers the files written.
 */
export function writeTestBundles(dir: string, bundles: readonly TestBundle[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return bundles.map((bundle, index) => {
    const number = String(index + 1).padStart(2, '0');
    const file = path.join(dir, `${bundle.group}-${bundle.project}-${number}.test.js`);
    const lines = [
      `// Slow (${Math.round(bundle.seconds)} s): ${bundle.files.length} test files in one module registry ` +
        '(written by npm test: scripts/stack/test-bundles.ts).',
      `const { fileSecondsFrom } = require(${JSON.stringify(FILE_SECONDS_MODULE)});`,
      ...bundle.files.map((testFile) => {
        const name = JSON.stringify(path.relative(ROOT, testFile));
        return (
          `describe(${name}, () => {\n` +
          `  const timed = fileSecondsFrom(${name});\n` +
          `  require(${JSON.stringify(testFile)});\n` +
          '  timed();\n});'
        );
      }),
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
}

/** The project of a bundle written by writeTestBundles, or undefined for any other file. */
export function projectOfBundle(file: string): ProjectName | undefined {
  return BUNDLE_NAME.exec(path.basename(file))?.[1] as ProjectName | undefined;
}

/**
 * A summary line of the run's slowest test files, each with what it was estimated at (its `// Slow` line, else its
 * project's typical file): what to correct when bundles end unevenly. Undefined when no file was timed.
 */
export function slowestTestFiles(
  linesFile: string,
  estimate: (file: string) => number,
  count = 8,
): string | undefined {
  if (!fs.existsSync(linesFile)) return undefined;
  const timed = fs
    .readFileSync(linesFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimedTestFile)
    .sort((a, b) => b.seconds - a.seconds);
  if (timed.length === 0) return undefined;
  const slowest = timed
    .slice(0, count)
    .map((t) => `${t.file} ${Math.round(t.seconds)} s (estimated ${estimate(path.join(ROOT, t.file))})`);
  return `(slowest test files, of ${timed.length} timed in ${path.relative(ROOT, linesFile)}: ${slowest.join(', ')})`;
}
