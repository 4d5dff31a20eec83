/**
 * The long fuzz run (`npx tsx bench/run.ts fuzz`): the inputs of test/scenario/fuzz.property.test.ts
 * (mutated committed scenarios and bad fixtures, some arbitrary text), many more of them, through
 * the parser. Reports inputs tried per second (generation included, and parsing alone) and the
 * defects found: an exception other than ScenarioError, a multi-line message, a parse over 1 s.
 * KUBEPROP_FUZZ_INPUTS sets the count (default 2000), KUBEPROP_FUZZ_SEED the fast-check seed.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { ScenarioError } from '../src/scenario/errors.ts';
import { parseScenarioText } from '../src/scenario/parse.ts';
import { SEED_TEXTS, scenarioText } from '../test/scenario/fuzz-inputs.ts';
import { type BenchResult, round } from './util.ts';

const SLOW_MS = 1000;

/** `files:` never reads the machine's files during fuzzing. */
const readText = (p: string): string => {
  throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
};

/** A defect description, or null when parsing behaved (a scenario or one ScenarioError line). */
function tryOne(text: string): { ms: number; defect: string | null } {
  const started = performance.now();
  let defect: string | null = null;
  try {
    parseScenarioText(text, '/fuzz/input.yaml', { readText });
  } catch (e) {
    if (!(e instanceof ScenarioError)) defect = `threw ${(e as Error)?.name}: ${(e as Error)?.message}`;
    else if (/[\r\n]/.test(e.message)) defect = `multi-line message: ${JSON.stringify(e.message)}`;
  }
  const ms = performance.now() - started;
  if (defect === null && ms > SLOW_MS) defect = `parse took ${Math.round(ms)} ms`;
  return { ms, defect };
}

export async function benchFuzz(): Promise<BenchResult[]> {
  const n = Number(process.env.KUBEPROP_FUZZ_INPUTS ?? 2000);
  const seed = Number(process.env.KUBEPROP_FUZZ_SEED ?? 20261206);
  for (const text of SEED_TEXTS) tryOne(text); // one-time schema compilation is not the parser's speed
  const started = performance.now();
  const inputs = fc.sample(scenarioText, { numRuns: n, seed });
  let parseMs = 0;
  const defects: string[] = [];
  for (const text of inputs) {
    const r = tryOne(text);
    parseMs += r.ms;
    if (r.defect !== null) defects.push(r.defect);
  }
  const totalS = (performance.now() - started) / 1000;
  for (const d of defects.slice(0, 5)) console.log(`fuzz defect: ${d}`);
  const detail = `${n} inputs, fast-check seed ${seed}`;
  return [
    {
      name: 'fuzz.parser.inputs_per_s',
      value: round(n / totalS),
      unit: 'inputs/s',
      detail: `${detail}, generation included`,
    },
    {
      name: 'fuzz.parser.parse_only_inputs_per_s',
      value: round(n / (parseMs / 1000)),
      unit: 'inputs/s',
      detail,
    },
    { name: 'fuzz.parser.defects', value: defects.length, unit: 'inputs', detail },
  ];
}
