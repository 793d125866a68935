import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectOfTestFile } from './jest-projects';
import { ROOT } from './paths';
import {
  estimateTestFile,
  planTestBundles,
  projectOfBundle,
  writeTestBundles,
  type TestFileEstimate,
} from './test-bundles';

const integration = (name: string, seconds: number): TestFileEstimate => ({
  project: 'integration',
  file: path.join(ROOT, 'test', 'integration', `${name}.test.ts`),
  seconds,
});
const e2e = (name: string, seconds: number): TestFileEstimate => ({
  project: 'e2e',
  file: path.join(ROOT, 'test', 'e2e', `${name}.test.ts`),
  seconds,
});

describe('test bundles', () => {
  const files = [
    integration('slow', 150),
    ...Array.from({ length: 40 }, (_, i) => integration(`i${i}`, 16)),
    ...Array.from({ length: 20 }, (_, i) => e2e(`e${i}`, 22)),
  ];

  it('puts every file in exactly one bundle, of its own project, longest bundles first', () => {
    const bundles = planTestBundles('shared', files, 2);
    expect(bundles.flatMap((b) => b.files).sort()).toEqual(files.map((f) => f.file).sort());
    for (const bundle of bundles)
      expect(bundle.files.every((f) => f.includes(`${path.sep}${bundle.project}${path.sep}`))).toBe(true);
    const seconds = bundles.map((b) => b.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
    expect(bundles.length).toBeLessThan(files.length / 2);
    expect(Math.max(...bundles.map((b) => b.files.length))).toBeLessThanOrEqual(6);
  });

  it('makes the last bundles short, so that no worker waits long for the other at the end', () => {
    const bundles = planTestBundles('shared', files, 2);
    const total = files.reduce((sum, f) => sum + f.seconds, 0);
    expect(bundles[0].seconds).toBeGreaterThan(total / 12);
    expect(bundles.at(-1)!.seconds).toBeLessThanOrEqual(44);
  });

  it('puts the files that mostly wait into fewer, longer bundles', () => {
    const waiting = [165, 150, 125, 90, 90, 90, 80, 70, 55, 45, 40, 35, 30].map((s, i) =>
      integration(`w${i}`, s),
    );
    const shared = planTestBundles('shared', waiting, 2);
    const bundles = planTestBundles('waits', waiting, 2);
    expect(bundles.flatMap((b) => b.files).sort()).toEqual(waiting.map((f) => f.file).sort());
    expect(bundles.length).toBeLessThanOrEqual(waiting.length / 2 + 1);
    expect(shared.length).toBeGreaterThan(waiting.length - 2);
  });

  it('reads a file’s declared duration, else its project’s typical one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    const declared = path.join(dir, 'slow.test.ts');
    fs.writeFileSync(declared, "// Slow (75 s): it waits.\nit('x', () => {});\n");
    const plain = path.join(dir, 'plain.test.ts');
    fs.writeFileSync(plain, "it('x', () => {});\n");
    expect(estimateTestFile('integration', declared).seconds).toBe(75);
    expect(estimateTestFile('integration', plain).seconds).toBeGreaterThan(
      estimateTestFile('unit', plain).seconds,
    );
  });

  it('writes each bundle as a test file that requires its files inside a describe named after each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    const written = writeTestBundles(dir, [
      { group: 'shared', project: 'e2e', files: [e2e('a', 22).file, e2e('b', 22).file], seconds: 44 },
      { group: 'waits', project: 'integration', files: [integration('c', 16).file], seconds: 16 },
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['shared-e2e-01.test.js', 'waits-integration-02.test.js']);
    const text = fs.readFileSync(written[0], 'utf8');
    expect(text).toMatch(/^\/\/ Slow \(44 s\): 2 test files/);
    expect(text).toContain(
      'describe("test/e2e/a.test.ts", () => {\n' +
        '  const timed = fileSecondsFrom("test/e2e/a.test.ts");\n' +
        `  require(${JSON.stringify(e2e('a', 0).file)});\n` +
        '  timed();\n});',
    );
    expect(written.map((file) => projectOfTestFile(file, ['integration', 'e2e']))).toEqual([
      'e2e',
      'integration',
    ]);
    expect(projectOfBundle(path.join(ROOT, 'test', 'e2e', 'demo.test.ts'))).toBeUndefined();
  });
});
