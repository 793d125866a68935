import { parseJestArgs } from './jest-projects';

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
