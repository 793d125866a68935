import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseJestArgs,
  projectOfTestFile,
  readJestSummariesByProject,
  stopJestThatDoesNotExit,
} from './jest-projects';
import { ROOT } from './paths';

describe('npm test arguments', () => {
  it('runs every project in order when none is selected, passing the rest to jest', () => {
    expect(parseJestArgs(['-t', 'login'])).toEqual({
      projects: ['unit', 'workflows', 'integration', 'e2e'],
      passThrough: ['-t', 'login'],
    });
  });

  it('runs only the selected projects, still in the standard order', () => {
    expect(parseJestArgs(['--selectProjects', 'e2e', 'unit', '--ci'])).toEqual({
      projects: ['unit', 'e2e'],
      passThrough: ['--ci'],
    });
    expect(parseJestArgs(['--selectProjects=workflows'])).toEqual({
      projects: ['workflows'],
      passThrough: [],
    });
  });

  it('names the projects when an unknown one is asked for', () => {
    expect(() => parseJestArgs(['--selectProjects', 'smoke'])).toThrow(
      /Unknown jest project smoke: the projects are unit, workflows, integration, e2e/,
    );
  });
});

describe('a jest that does not exit once its tests are done', () => {
  /** A stand-in for jest: writes its output file, then exits or (with a timer left running) does not. */
  function fakeJest(leavesTimer: boolean) {
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-exit-')), 'jest.json');
    const script = `require('fs').writeFileSync(${JSON.stringify(outputFile)}, '{}');${
      leavesTimer ? 'setInterval(() => {}, 1000);' : ''
    }`;
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    return { child, outputFile, exited };
  }

  it('is stopped after the grace period, and says so', async () => {
    const fake = fakeJest(true);
    const onHang = jest.fn();
    stopJestThatDoesNotExit(fake.child, fake.outputFile, onHang, 300);
    await expect(fake.exited).resolves.toBe('SIGKILL');
    expect(onHang).toHaveBeenCalledTimes(1);
  });

  it('is left alone when it exits by itself', async () => {
    const fake = fakeJest(false);
    const onHang = jest.fn();
    stopJestThatDoesNotExit(fake.child, fake.outputFile, onHang, 300);
    await expect(fake.exited).resolves.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(onHang).not.toHaveBeenCalled();
  });
});

describe('the counts of a jest run over several projects', () => {
  const file = (...parts: string[]) => path.join(ROOT, ...parts);

  it('names each file’s project by its folder', () => {
    const among = ['integration', 'e2e'] as const;
    expect(projectOfTestFile(file('test', 'e2e', 'demo.test.ts'), [...among])).toBe('e2e');
    expect(projectOfTestFile(file('test', 'integration', 'a.test.ts'), [...among])).toBe('integration');
    expect(projectOfTestFile(file('lib', 'x.test.ts'), ['unit', 'workflows'])).toBe('unit');
  });

  it('counts passed, failed and skipped tests per project, and a file that failed without a failing test', () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-json-')), 'jest.json');
    const result = (name: string, status: string, assertions: string[]) => ({
      name: file(...name.split('/')),
      status,
      assertionResults: assertions.map((s) => ({ status: s })),
    });
    fs.writeFileSync(
      output,
      JSON.stringify({
        testResults: [
          result('test/integration/a.test.ts', 'failed', ['passed', 'failed', 'pending']),
          result('test/integration/b.test.ts', 'failed', []),
          result('test/e2e/c.test.ts', 'passed', ['passed', 'passed', 'todo']),
        ],
      }),
    );
    const counts = readJestSummariesByProject(output, (f) => projectOfTestFile(f, ['integration', 'e2e']));
    expect(Object.fromEntries(counts!)).toEqual({
      integration: { passed: 1, failed: 1, skipped: 1, brokenSuites: 1 },
      e2e: { passed: 2, failed: 0, skipped: 1, brokenSuites: 0 },
    });
    expect(readJestSummariesByProject(`${output}.missing`, () => 'unit')).toBeUndefined();
  });
});
