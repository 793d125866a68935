import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';

/** How to get each tool the provisioning needs, for the one-line message when it is missing. */
const INSTALL_HINTS: Record<string, string> = {
  java: 'install a Java 17+ runtime (Debian: `apt-get install -y openjdk-17-jre-headless`) or set ES_JAVA_HOME',
  go: 'install Go 1.21 or newer and put `go` on PATH (https://go.dev/dl; from 1.21 on, Go fetches the toolchain that scripts/ferretdb/go.mod asks for by itself)',
  pip: 'install Python 3 with pip (Debian: `apt-get install -y python3-pip`)',
  mvn: 'install Apache Maven (Debian: `apt-get install -y maven`)',
  unzip: 'install unzip (Debian: `apt-get install -y unzip`) or Python 3',
  npm: 'install Node.js with npm (it also runs `npm start` itself)',
  tar: 'install tar (Debian: `apt-get install -y tar`)',
};

/** Absolute path of `name` on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Absolute path of a required tool, or a StackError naming what to install. */
export function requireTool(name: keyof typeof INSTALL_HINTS, purpose: string): string {
  const found = findOnPath(name);
  if (!found) throw new StackError(`${name} not found (needed for ${purpose}): ${INSTALL_HINTS[name]}.`);
  return found;
}

/** The command line that runs pip: `pip` when on PATH, else `python3 -m pip`. */
export function pipCommand(purpose: string): string[] {
  const pip = findOnPath('pip') ?? findOnPath('pip3');
  if (pip) return [pip];
  const python = findOnPath('python3');
  if (python && spawnSync(python, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0)
    return [python, '-m', 'pip'];
  throw new StackError(`pip not found (needed for ${purpose}): ${INSTALL_HINTS.pip}.`);
}

/** Java feature version of `<home>/bin/java` (17, 21, …), or undefined when it does not run. */
export function javaFeatureVersion(home: string): number | undefined {
  const java = path.join(home, 'bin', 'java');
  if (!fs.existsSync(java)) return undefined;
  const out = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  const match = /java\.specification\.version = (\d+)/.exec(`${out.stderr}${out.stdout}`);
  return match ? Number(match[1]) : undefined;
}

/**
 * A Java home with at least `minVersion`: ES_JAVA_HOME, JAVA_HOME or the `java` on PATH (symlinks resolved)
 * when one of them is recent enough, else the oldest suitable JDK under /usr/lib/jvm.
 */
export function findJavaHome(minVersion: number, purpose: string): { home: string; version: number } {
  const preferred: string[] = [];
  for (const v of [process.env.ES_JAVA_HOME, process.env.JAVA_HOME]) if (v) preferred.push(v);
  const javaOnPath = findOnPath('java');
  if (javaOnPath) preferred.push(path.dirname(path.dirname(fs.realpathSync(javaOnPath))));
  for (const home of preferred) {
    const version = javaFeatureVersion(home);
    if (version !== undefined && version >= minVersion) return { home, version };
  }
  const jvmDir = '/usr/lib/jvm';
  const installed = fs.existsSync(jvmDir) ? fs.readdirSync(jvmDir).map((e) => path.join(jvmDir, e)) : [];
  const suitable = installed
    .map((home) => ({ home, version: javaFeatureVersion(home) }))
    .filter((j): j is { home: string; version: number } => j.version !== undefined && j.version >= minVersion)
    .sort((a, b) => a.version - b.version);
  if (suitable[0]) return suitable[0];
  throw new StackError(`Java ${minVersion}+ not found (needed for ${purpose}): ${INSTALL_HINTS.java}.`);
}
