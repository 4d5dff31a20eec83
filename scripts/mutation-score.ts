/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json, written by `npm run mutation`) and
 * puts its mutation score into bench/results.json beside the benchmarks' figures (same
 * `{name, value, unit, detail}` shape; figures of the same name are replaced, others kept). Prints
 * every surviving mutant, one a line, for triage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../bench/util.ts';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DETECTED = new Set(['Killed', 'Timeout']);
/** Stryker's own definition: detected / (detected + survived + no coverage). */
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

function score(mutants: readonly Mutant[]): { pct: number; detected: number; counted: number } {
  const counted = mutants.filter((m) => COUNTED.has(m.status)).length;
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  return { pct: counted === 0 ? 100 : Math.round((1000 * detected) / counted) / 10, detected, counted };
}

export function mutationResults(report: Report): { results: BenchResult[]; survivors: string[] } {
  const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
  const all = files.flatMap(([, f]) => f.mutants);
  const total = score(all);
  const results: BenchResult[] = [
    {
      name: 'mutation.score',
      value: total.pct,
      unit: '%',
      detail: `${total.detected} of ${total.counted} mutants killed (Stryker, property suites; ${files.length} files)`,
    },
  ];
  const survivors: string[] = [];
  for (const [path, f] of files) {
    const file = relative(root, join(root, path));
    const s = score(f.mutants);
    results.push({
      name: `mutation.${file}.score`,
      value: s.pct,
      unit: '%',
      detail: `${s.detected} of ${s.counted}`,
    });
    for (const m of f.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      const at = `${file}:${m.location.start.line}:${m.location.start.column}`;
      survivors.push(
        `${at} ${m.status} ${m.mutatorName}: ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
      );
    }
  }
  return { results, survivors };
}

function merge(fresh: BenchResult[]): BenchResult[] {
  const file = join(root, 'bench/results.json');
  const names = new Set(fresh.map((r) => r.name));
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]).filter((r) => !names.has(r.name))
    : [];
  return [...kept, ...fresh].sort((a, b) => a.name.localeCompare(b.name));
}

const input =
  process.argv[2] !== undefined ? resolve(process.argv[2]) : join(root, 'reports/mutation/mutation.json');
if (!existsSync(input)) {
  console.error(`${relative(process.cwd(), input)}:1:1: no Stryker report (run npm run mutation first)`);
  process.exit(2);
}
const { results, survivors } = mutationResults(JSON.parse(readFileSync(input, 'utf8')) as Report);
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(merge(results), null, 2)}\n`);
for (const r of results)
  console.log(`${r.name.padEnd(56)} ${String(r.value).padStart(6)} ${r.unit}  ${r.detail ?? ''}`);
console.log(`\nsurviving mutants (${survivors.length}):`);
for (const s of survivors) console.log(`  ${s}`);
