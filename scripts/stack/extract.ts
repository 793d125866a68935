import { runCommand } from './exec';
import { findOnPath } from './tools';
import { StackError } from './errors';

/** Python fallback for `unzip` that keeps the Unix permission bits (zipfile's CLI drops them). */
const PY_UNZIP = `
import os, sys, zipfile
archive, dest, members = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(archive) as z:
    for info in z.infolist():
        if members and info.filename not in members:
            continue
        path = z.extract(info, dest)
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
`;

/** Unpacks `archive` (a .zip or .whl) into `dest`, optionally only the listed members; uses unzip, else Python 3. */
export async function extractZip(
  archive: string,
  dest: string,
  logFile: string,
  members: string[] = [],
): Promise<void> {
  const what = `unpacking ${archive}`;
  const unzip = findOnPath('unzip');
  if (unzip) {
    await runCommand(unzip, ['-q', '-o', archive, ...members, '-d', dest], { what, logFile });
    return;
  }
  const python = findOnPath('python3');
  if (!python)
    throw new StackError(
      `unzip not found (needed for ${what}): install unzip (Debian: \`apt-get install -y unzip\`) or Python 3.`,
    );
  await runCommand(python, ['-c', PY_UNZIP, archive, dest, ...members], { what, logFile });
}
