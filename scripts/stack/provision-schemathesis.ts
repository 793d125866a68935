import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { runCommand } from './exec';
import { installAtomically, isInstalled } from './install-dir';
import { elapsed, log } from './log';
import { CACHE_DIR, shortPath } from './paths';
import { findOnPath } from './tools';
import { VERSIONS } from './versions';

/**
 * Schemathesis (the API fuzzer of test/integration/api-fuzz.test.ts) from PyPI, in a Python venv of its own
 * in `schemathesis-<version>/` of the stack's cache (CACHE_DIR). A venv's scripts name the folder they were
 * installed in, and the install is built in a temporary folder then renamed, so the command is a small `st`
 * launcher that runs the venv's Python on the package instead. Returns the launcher's path (SCHEMATHESIS_BIN).
 */
export async function provisionSchemathesis(logFile: string): Promise<string> {
  const version = VERSIONS.schemathesis;
  const dir = path.join(CACHE_DIR, `schemathesis-${version}`);
  const launcher = path.join(dir, 'st');
  if (isInstalled(dir)) {
    log.done(`Schemathesis ${version}: cached in ${shortPath(dir)}`);
    return launcher;
  }
  const python = findOnPath('python3');
  if (!python) {
    throw new StackError(
      'python3 not found (needed for the API fuzzing test): install Python 3 with venv (Debian: `apt-get install -y python3-venv`).',
    );
  }
  const began = Date.now();
  log.step(`Schemathesis ${version}: installing from PyPI into a venv…`);
  await installAtomically(dir, async (tmp) => {
    await runCommand(python, ['-m', 'venv', tmp], {
      what: 'creating the Python venv for Schemathesis',
      logFile,
      hint: 'Debian needs the python3-venv package.',
    });
    await runCommand(
      path.join(tmp, 'bin', 'python'),
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', `schemathesis==${version}`],
      { what: `installing Schemathesis ${version}`, logFile, hint: 'Is PyPI reachable?' },
    );
    fs.writeFileSync(
      path.join(tmp, 'st'),
      '#!/bin/sh\nexec "$(dirname "$0")/bin/python" -m schemathesis.cli "$@"\n',
      { mode: 0o755 },
    );
  });
  log.done(`Schemathesis ${version}: installed in ${shortPath(dir)} (${elapsed(began)})`);
  return launcher;
}
