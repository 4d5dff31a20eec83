/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench/results.json
 * (`[{name, value, unit, detail?}]`) so figures can be compared from run to run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './util.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Benchmark modules and the function each exports; a missing module is skipped with a note. */
const SUITES: Array<[string, string]> = [
  ['replicaset.bench.ts', 'benchReplicaSet'],
  ['daemonset.bench.ts', 'benchDaemonSet'],
  ['statefulset.bench.ts', 'benchStatefulSet'],
  ['mutants.bench.ts', 'benchMutants'],
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
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
