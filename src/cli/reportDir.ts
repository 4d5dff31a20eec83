/**
 * `--report DIR` is checked before anything runs: a run that passes and then cannot write its
 * report would print PASS and exit 3, and a pseudo file system (/proc, /sys) can make mkdir loop.
 * The directory need not exist yet; its nearest existing ancestor must be a writable directory on a
 * real file system.
 */
import { accessSync, constants, realpathSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args.ts';

/** statfs magic numbers of kernel file systems no report belongs in (linux/magic.h). */
const PSEUDO_FS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x74726163, 'tracefs'],
]);
const PSEUDO_ROOTS = ['/proc', '/sys'];

/** Throws a one-line UsageError when `dir` cannot take reports. */
export function checkReportDir(command: string, dir: string): void {
  const fail = (why: string) => new UsageError(`kubeprop ${command}: --report ${dir}: ${why}`);
  const { existing, missing } = nearestExisting(resolve(dir));
  if (!statSync(existing).isDirectory())
    throw fail(missing ? `${existing} is a file, not a directory` : 'is a file, not a directory');
  const real = realpathSync(existing);
  const pseudo = pseudoFileSystem(real);
  if (pseudo !== undefined)
    throw fail(`${real} is on ${pseudo}, a kernel file system; choose a normal directory`);
  try {
    accessSync(real, constants.W_OK | constants.X_OK);
  } catch {
    throw fail(`${existing} is not writable`);
  }
}

/** The deepest existing path on the way to `abs`, and whether `abs` itself is missing. */
function nearestExisting(abs: string): { existing: string; missing: boolean } {
  let p = abs;
  for (;;) {
    try {
      statSync(p);
      return { existing: p, missing: p !== abs };
    } catch {
      const up = dirname(p);
      if (up === p) return { existing: p, missing: true };
      p = up;
    }
  }
}

function pseudoFileSystem(real: string): string | undefined {
  const root = PSEUDO_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root !== undefined) return root;
  try {
    return PSEUDO_FS.get(Number(statfsSync(real).type));
  } catch {
    return undefined;
  }
}
