import fs from 'node:fs';

/** One line of SCRM_TEST_FILE_SECONDS (scripts/stack/test-bundles.ts reads them for the run's summary). */
export interface TimedTestFile {
  /** Relative to the repository. */
  file: string;
  seconds: number;
  cpuSeconds: number;
}

/**
 * What each test file of a bundle took, hooks included: its wall time and its jest worker's CPU time, one JSON line
 * per file in SCRM_TEST_FILE_SECONDS (npm test sets it). A bundle's own result says only what the bundle took;
 * these lines are what a file's `// Slow (N s)` estimate is checked against. Called inside the file's describe,
 * before and after its require, so that its own setup and teardown fall between the two marks.
 */
export function fileSecondsFrom(file: string): () => void {
  const out = process.env.SCRM_TEST_FILE_SECONDS;
  if (!out) return () => undefined;
  let began = 0;
  let cpuBegan: NodeJS.CpuUsage | undefined;
  beforeAll(() => {
    began = Date.now();
    cpuBegan = process.cpuUsage();
  });
  return () =>
    afterAll(() => {
      const cpu = process.cpuUsage(cpuBegan);
      const line: TimedTestFile = {
        file,
        seconds: Math.round((Date.now() - began) / 100) / 10,
        cpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
      };
      fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
    });
}
