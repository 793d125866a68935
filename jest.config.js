// One runner for everything outside web/: unit tests sit beside the code, the rest under test/.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

const withTemporal = {
  ...common,
  setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/real-server-timeouts.ts'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // Some unit suites drive the simulator's whole app in-process (thousands of archived messages): 5 s is
      // too tight when the 2-core machine is also running a stack.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/{lib,api,workflows,activities,worker,wecom-sim,scripts}/**/*.test.ts'],
    },
    { ...withTemporal, displayName: 'workflows', testMatch: ['<rootDir>/test/workflows/**/*.test.ts'] },
    { ...withTemporal, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...withTemporal, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // The fault matrix, run by `npm run test:faults` only (scripts/faults.ts), never by `npm test`.
    { ...withTemporal, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'] },
  ],
};
