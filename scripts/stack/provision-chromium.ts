import fs from 'node:fs';
import os from 'node:os';
import { StackError } from './errors';
import { runCommand } from './exec';
import { elapsed, log } from './log';

/** The Debian package the e2e tests' browser comes from, driven by playwright-core. */
const CHROMIUM_PACKAGE = 'chromium-headless-shell';

/**
 * Chromium's headless shell: the same Blink, V8 and network stack as the browser, without the browser's UI layer,
 * and what Playwright itself runs for headless tests. The e2e files' browser used 45 % less CPU in it than in
 * Debian's full `chromium` (3 files: 24 s against 40–45 s), and the e2e tests' browsers were the largest single
 * user of CPU in `npm test` after the tests themselves.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium-headless-shell';

/** Installs Debian's `chromium-headless-shell` package when its binary is missing (root only). */
export async function provisionChromium(logFile: string): Promise<string> {
  if (fs.existsSync(CHROMIUM_PATH)) {
    log.done(`Chromium: ${CHROMIUM_PATH}`);
    return CHROMIUM_PATH;
  }
  const install = `apt-get install -y ${CHROMIUM_PACKAGE}`;
  if (os.userInfo().uid !== 0) {
    throw new StackError(
      `Chromium's headless shell not found at ${CHROMIUM_PATH} (needed by the e2e tests): install it with \`sudo ${install}\`.`,
    );
  }
  if (!fs.existsSync('/usr/bin/apt-get')) {
    throw new StackError(
      `Chromium's headless shell not found at ${CHROMIUM_PATH} (needed by the e2e tests), and there is no apt-get: install Chromium's headless shell so that ${CHROMIUM_PATH} exists.`,
    );
  }
  const began = Date.now();
  log.step(`Chromium: installing Debian package ${CHROMIUM_PACKAGE} (apt-get update + install)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { what: 'apt-get update', logFile, env });
  await runCommand('apt-get', ['install', '-y', CHROMIUM_PACKAGE], {
    what: `installing ${CHROMIUM_PACKAGE}`,
    logFile,
    env,
  });
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new StackError(
      `apt-get installed ${CHROMIUM_PACKAGE} but ${CHROMIUM_PATH} is missing (log: ${logFile}).`,
    );
  log.done(`Chromium: installed ${CHROMIUM_PATH} (${elapsed(began)})`);
  return CHROMIUM_PATH;
}
