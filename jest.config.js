// One runner for everything outside web/: unit tests sit beside the code, the rest under test/.
const fs = require('node:fs');
const path = require('node:path');

const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

/**
 * `npm test` runs most test files several at a time (scripts/test.ts), in groups a file joins by a line of its own:
 * - `// Runs alone: <why>`: it flips a switch every suite shares (the simulator's per-path rate limits, say) or
 *   needs the machine's cores to itself to keep its timing; those run after the others, one at a time.
 * - `// Mostly waits: <why>`: it spends most of its time waiting (heartbeat timeouts, real minutes) and little CPU;
 *   those run two at a time beside the others, a lane of their own, instead of holding one of their workers.
 * SCRM_TEST_GROUP picks one group: `shared` (the files that say neither), `waits` or `alone`; unset, every file.
 */
const MARKERS = { alone: /^\/\/ Runs alone: /m, waits: /^\/\/ Mostly waits: /m };

function filesMarked(dir, marker) {
  const full = path.join(__dirname, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) => marker.test(fs.readFileSync(path.join(full, name), 'utf8')))
    .map((name) => `<rootDir>/${dir}/${name}`);
}

/**
 * The project's files for the group SCRM_TEST_GROUP asks for; `dir` holds those that may be marked. A plain
 * `npm test` runs each group's files as bundles (scripts/stack/test-bundles.ts): SCRM_TEST_BUNDLES names the folder
 * it wrote them to, `<group>-<project>-<n>.test.js` each.
 */
function grouped(project, dir) {
  const group = process.env.SCRM_TEST_GROUP;
  if (!group) return project;
  const bundles = process.env.SCRM_TEST_BUNDLES;
  if (bundles)
    return { ...project, testMatch: [path.join(bundles, `${group}-${project.displayName}-*.test.js`)] };
  const marked = Object.fromEntries(
    Object.entries(MARKERS).map(([name, marker]) => [name, dir ? filesMarked(dir, marker) : []]),
  );
  // An empty testMatch would mean jest's default (every test file anywhere): none is a pattern nothing matches.
  if (group in marked)
    return { ...project, testMatch: marked[group].length ? marked[group] : [`<rootDir>/no-${group}-files`] };
  const escaped = Object.values(marked)
    .flat()
    .map((file) => file.replace('<rootDir>', '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$');
  return { ...project, testPathIgnorePatterns: ['/node_modules/', ...escaped] };
}

const withTemporal = {
  ...common,
  setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/real-server-timeouts.ts'],
};

module.exports = {
  // Some unit suites drive the simulator's whole app in-process (thousands of archived messages, QR images): 5 s
  // is too tight when the 2-core machine also runs a stack and another test file. (A run-wide option: jest reads
  // it from here, not from a project; the suites with servers set their own in real-server-timeouts.ts.)
  testTimeout: 30_000,
  // Files that declare `// Slow (N s): <why>` start first (a clean clone has no durations in jest's cache).
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  projects: [
    grouped({
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{lib,api,workflows,activities,worker,wecom-sim,scripts,test/support}/**/*.test.ts',
      ],
    }),
    grouped(
      { ...withTemporal, displayName: 'workflows', testMatch: ['<rootDir>/test/workflows/**/*.test.ts'] },
      'test/workflows',
    ),
    grouped(
      { ...withTemporal, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
      'test/integration',
    ),
    grouped(
      { ...withTemporal, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
      'test/e2e',
    ),
    // The fault matrix, run by `npm run test:faults` only (scripts/faults.ts), never by `npm test`.
    { ...withTemporal, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'] },
  ],
};
