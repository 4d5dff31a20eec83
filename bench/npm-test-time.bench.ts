/**
 * How long `npm test` takes (issue #11: under 2 minutes on a 2-core machine): one full `vitest run`,
 * its wall time, the CPU it used (user + system, of vitest and its workers, from /proc once they are
 * reaped) and the machine's load when it started, since other work on the machine stretches the
 * wall time but not the CPU. Minutes of CPU: `npx tsx bench/run.ts npm-test` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { BenchResult } from './util.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** CPU seconds of this process's reaped children (utime + stime, /proc/self/stat fields 16 and 17). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command name start at field 3; cutime is field 16, cstime 17 (clock ticks).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export async function benchNpmTestTime(): Promise<BenchResult[]> {
  const load = loadavg()[0]!.toFixed(1);
  const cpu0 = childCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run'], { cwd: root, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  const cpu = childCpuSeconds() - cpu0;
  const tests = /Tests\s+(.*?)\s*\(/.exec(stripVTControlCharacters(r.stdout))?.[1] ?? '?';
  return [
    {
      name: 'npm_test.wall_s',
      value: Math.round(wall),
      unit: 's',
      detail: `target < 120 s; load ${load} at start; ${tests}`,
    },
    {
      name: 'npm_test.cpu_s',
      value: Math.round(cpu),
      unit: 's',
      detail: 'user + system of vitest and its workers',
    },
  ];
}
