/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench/results.json
 * (`[{name, value, unit, detail?}]`) so figures can be compared from run to run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './util.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Benchmark modules and the function each exports; a missing module is skipped with a note. */
const SUITES: Array<[string, string]> = [
  ['replicaset.bench.ts', 'benchReplicaSet'],
  ['daemonset.bench.ts', 'benchDaemonSet'],
  ['statefulset.bench.ts', 'benchStatefulSet'],
  // The standard Deployment scenario and a rollout of 1,000 replicas on 100 nodes (issue #12).
  ['deployment.bench.ts', 'benchDeployment'],
  ['power.bench.ts', 'benchPower'],
  // A Service over 10,000 pods (100 EndpointSlices) converging from nothing (issue #16).
  ['service.bench.ts', 'benchService'],
  // Start-up of the kubeprop command through tsx and from dist/, and the npm tarball (issue #14).
  ['startup.bench.ts', 'benchStartup'],
  // Campaign runs/s on one core and on every core, and their ratio (issue #17).
  ['workers.bench.ts', 'benchWorkers'],
  // Labs: the naive solutions caught, the correct ones through 300 chaos runs (issue #15).
  ['lab.bench.ts', 'benchLab'],
  // Minutes of CPU: `npx tsx bench/run.ts false-alarms` runs it alone (KUBEPROP_FALSE_ALARM_RUNS).
  ['false-alarms.bench.ts', 'benchFalseAlarms'],
  // The long fuzz run of the scenario parser (KUBEPROP_FUZZ_INPUTS, default 2000).
  ['fuzz.bench.ts', 'benchFuzz'],
  // One full `vitest run` (minutes): `npx tsx bench/run.ts npm-test` runs it alone.
  ['npm-test-time.bench.ts', 'benchNpmTestTime'],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const results: BenchResult[] = [];
  for (const [file, fn] of SUITES) {
    if (only && !file.startsWith(only)) continue;
    if (!existsSync(join(here, file))) {
      console.log(`(skipped ${file}: not present)`);
      continue;
    }
    const mod = (await import(`./${file}`)) as Record<string, () => Promise<BenchResult[]>>;
    const out = await mod[fn]!();
    for (const r of out)
      console.log(
        `${r.name.padEnd(48)} ${String(r.value).padStart(12)} ${r.unit.padEnd(8)} ${r.detail ?? ''}`,
      );
    results.push(...out);
  }
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(merged(results, only), null, 2)}\n`);
}

/** A run of some suites (`bench/run.ts statefulset`) replaces their figures and keeps the others'. */
function merged(results: BenchResult[], only: string | undefined): BenchResult[] {
  const file = join(here, 'results.json');
  if (!only || !existsSync(file)) return results;
  const fresh = new Set(results.map((r) => r.name));
  const kept = (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]).filter((r) => !fresh.has(r.name));
  return [...kept, ...results].sort((a, b) => a.name.localeCompare(b.name));
}

await main();
