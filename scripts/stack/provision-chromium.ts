import fs from 'node:fs';
import os from 'node:os';
import { StackError } from './errors';
import { runCommand } from './exec';
import { elapsed, log } from './log';

/** Debian's Chromium, driven by playwright-core in the e2e tests. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs Debian's `chromium` package when /usr/bin/chromium is missing (root only). */
export async function provisionChromium(logFile: string): Promise<string> {
  if (fs.existsSync(CHROMIUM_PATH)) {
    log.done(`Chromium: ${CHROMIUM_PATH}`);
    return CHROMIUM_PATH;
  }
  if (os.userInfo().uid !== 0) {
    throw new StackError(
      `Chromium not found at ${CHROMIUM_PATH} (needed by the e2e tests): install it with \`sudo apt-get install -y chromium\`.`,
    );
  }
  if (!fs.existsSync('/usr/bin/apt-get')) {
    throw new StackError(
      `Chromium not found at ${CHROMIUM_PATH} (needed by the e2e tests), and there is no apt-get: install Chromium so that ${CHROMIUM_PATH} exists.`,
    );
  }
  const began = Date.now();
  log.step('Chromium: installing Debian package chromium (apt-get update + install)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { what: 'apt-get update', logFile, env });
  await runCommand('apt-get', ['install', '-y', 'chromium'], { what: 'installing chromium', logFile, env });
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new StackError(`apt-get installed chromium but ${CHROMIUM_PATH} is missing (log: ${logFile}).`);
  log.done(`Chromium: installed ${CHROMIUM_PATH} (${elapsed(began)})`);
  return CHROMIUM_PATH;
}
