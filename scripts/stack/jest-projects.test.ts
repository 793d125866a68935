import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseJestArgs, stopJestThatDoesNotExit } from './jest-projects';

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
