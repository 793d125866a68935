#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run bench` and `npm run test:faults`: plain Node with no dependencies, because it runs
// before node_modules exists. It checks Node's version, installs the npm dependencies when they are missing or
// stale (root and web/, side by side), and runs scripts/<command>.ts through tsx, passing signals on and its exit code back.
//
//   node scripts/bootstrap.mjs start|test|bench|faults [args…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_NODE = [20, 19, 0];
const COMMANDS = ['start', 'test', 'bench', 'faults'];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function checkNode() {
  const current = process.versions.node.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (current[i] > MIN_NODE[i]) return;
    if (current[i] < MIN_NODE[i]) {
      fail(
        `Node.js ${MIN_NODE.join('.')} or newer is needed, this is ${process.versions.node}: install a current Node.js LTS (20.19+, 22 or 24).`,
      );
    }
  }
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** `npm ci` in `dir` when node_modules is missing or older than package-lock.json; resolves when it is done. */
async function installDependencies(dir, label) {
  const lock = path.join(dir, 'package-lock.json');
  const installedLock = path.join(dir, 'node_modules', '.package-lock.json');
  const hasLock = fs.existsSync(lock);
  const pkgNewer = mtime(path.join(dir, 'package.json')) > mtime(installedLock);
  if (fs.existsSync(installedLock) && (hasLock ? mtime(lock) <= mtime(installedLock) : !pkgNewer)) return;
  // A second checkout (a git worktree) borrowing another's node_modules through a symlink: `npm ci` would empty
  // the other checkout's folder under its running processes.
  if (fs.lstatSync(path.join(dir, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) {
    console.log(
      `⚠ ${label}: node_modules is a symlink, not reinstalling through it (run npm ci where it points)`,
    );
    return;
  }

  // --prefer-offline: a package already in npm's cache is taken from it without asking the registry whether it
  // changed (a locked version does not); measured here, 10 s less CPU for each of the two installs.
  const args = [hasLock ? 'ci' : 'install', '--prefer-offline', '--no-audit', '--no-fund'];
  if (!hasLock) console.log(`⚠ ${label}: no package-lock.json, running npm install instead of npm ci`);
  console.log(`▸ ${label}: npm ${args[0]} (dependencies missing or older than package-lock.json)…`);
  const began = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const status = await new Promise((resolve) => {
    const install = spawn(npm, args, { cwd: dir, stdio: 'inherit' });
    install.on('error', (err) => fail(`${label}: cannot run npm: ${err.message}`));
    install.on('exit', (code) => resolve(code));
  });
  if (status !== 0) fail(`${label}: npm ${args[0]} failed (exit code ${status}); see its output above.`);
  console.log(`✓ ${label}: dependencies installed (${Math.round((Date.now() - began) / 1000)} s)`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  // `npm test -- x` arrives as `x`; a direct `node scripts/bootstrap.mjs test -- x` keeps the `--`.
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  if (!COMMANDS.includes(command)) fail(`usage: node scripts/bootstrap.mjs ${COMMANDS.join('|')} [args…]`);
  checkNode();
  // The two installs are independent (network and disk mostly): side by side.
  await Promise.all([
    installDependencies(ROOT, 'root'),
    fs.existsSync(path.join(ROOT, 'web', 'package.json'))
      ? installDependencies(path.join(ROOT, 'web'), 'web')
      : undefined,
  ]);

  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', `${command}.ts`), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // Stay alive until the child has finished stopping; hand every signal on (the child ignores duplicates).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => fail(`cannot start scripts/${command}.ts: ${err.message}`));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

main().catch((err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
