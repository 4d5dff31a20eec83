/**
 * Bug-finding power of the whole mutant catalogue (issue #11 item 6). For every mutant that the
 * controller registry lists (never a hard-coded list: the catalogue grows), random campaign
 * scenarios (the generator of `kubeprop chaos`, campaign seed 7) are run with the mutant until it
 * breaks an invariant that the correct controller keeps on the very same scenario: a differential
 * verdict, so scenarios where real Kubernetes itself is stuck do not count. The first failure is
 * shrunk (src/run/shrink.ts) under the same differential check. Per mutant: caught by a 300-run
 * campaign, runs and wall time to the first failure, the shrunk length, and whether the default
 * `npm test` catches it (its property suites name every mutant in a test title; see npmTest.ts).
 */
import { CONTROLLERS } from '../src/controllers/registry.ts';
import { CAMPAIGN_CONTROLLERS, type CampaignController, generateScenario } from '../src/run/campaign.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { failsLike, type ShrinkTarget, shrinkRun } from '../src/run/shrink.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { type NpmTestVerdicts, npmTestVerdicts } from './npmTest.ts';
import { type BenchResult, median, round } from './util.ts';

const MAX_RUNS = 300;
/** The median, or -1 when there is nothing to take it of. */
const med = (xs: number[]) => (xs.length === 0 ? -1 : median(xs));
const CAMPAIGN_SEED = 7;

export interface MutantPower {
  controller: string;
  mutant: string;
  /** Undefined when a 300-run campaign never caught it. */
  hit?: { runs: number; ms: number; id: string; fromEvents: number; toEvents: number; shrinkRuns: number };
}

const quiet = (s: Scenario, o?: { seed?: number }): RunResult => runScenario(s, { ...o, keepTrace: false });
const violated = (r: RunResult) =>
  new Set(r.invariants.filter((i) => i.status === 'violated').map((i) => i.id));
const asMutant = (s: Scenario, controller: string, mutant: string): Scenario => ({
  ...s,
  controllers: { ...s.controllers, [controller]: mutant },
});

/**
 * Every mutant of every registered controller that chaos campaigns generate scenarios for, in
 * registry order (the EndpointSlice controller's are measured with its Services: service.bench.ts).
 */
export function catalogue(): Array<{ controller: CampaignController; mutant: string }> {
  const campaigned = CONTROLLERS.filter((c) => (CAMPAIGN_CONTROLLERS as readonly string[]).includes(c.name));
  return campaigned.flatMap((entry) =>
    Object.keys(entry.variants)
      .filter((v) => v !== 'correct')
      .sort()
      .map((mutant) => ({ controller: entry.name as CampaignController, mutant })),
  );
}

/** The mutant's first campaign failure that the correct controller does not share, shrunk. */
export function measureMutant(controller: CampaignController, mutant: string): MutantPower {
  const t0 = performance.now();
  for (let i = 0; i < MAX_RUNS; i++) {
    const base = generateScenario(controller, CAMPAIGN_SEED, i);
    const bad = quiet(asMutant(base, controller, mutant));
    const badIds = violated(bad);
    if (badIds.size === 0) continue;
    const good = violated(quiet(base));
    const id = [...badIds].sort().find((x) => !good.has(x));
    if (id === undefined) continue;
    const ms = performance.now() - t0;
    // Shrink toward a subset that still separates the mutant from the correct controller.
    const stillFails = (r: RunResult, target: ShrinkTarget) =>
      failsLike(r, target) &&
      !violated(quiet({ ...r.scenario, controllers: base.controllers }, { seed: r.seed })).has(id);
    const s = shrinkRun(bad, quiet, { target: { invariant: id }, stillFails })!;
    return {
      controller,
      mutant,
      hit: { runs: i + 1, ms, id, fromEvents: s.fromEvents, toEvents: s.toEvents, shrinkRuns: s.runs },
    };
  }
  return { controller, mutant };
}

function mutantResults(p: MutantPower, npm: NpmTestVerdicts): BenchResult[] {
  const name = `mutants.${p.controller}.${p.mutant}`;
  const test = npm.get(p.controller, p.mutant);
  const out: BenchResult[] = [
    { name: `${name}.caught_by_npm_test`, value: test.caught ? 1 : 0, unit: 'bool', detail: test.detail },
  ];
  const h = p.hit;
  if (h === undefined) {
    out.push({
      name: `${name}.runs_to_failure`,
      value: -1,
      unit: 'runs',
      detail: `not caught in ${MAX_RUNS} random campaign runs`,
    });
    return out;
  }
  out.push(
    { name: `${name}.runs_to_failure`, value: h.runs, unit: 'runs', detail: h.id },
    { name: `${name}.ms_to_failure`, value: round(h.ms, 0), unit: 'ms', detail: `${h.runs} runs, ${h.id}` },
    {
      name: `${name}.shrunk_events`,
      value: h.toEvents,
      unit: 'events',
      detail: `from ${h.fromEvents} in ${h.shrinkRuns} re-runs (differential: the correct controller keeps ${h.id})`,
    },
  );
  return out;
}

function summaryResults(all: MutantPower[], npm: NpmTestVerdicts): BenchResult[] {
  const hits = all.flatMap((p) => (p.hit ? [p.hit] : []));
  const missed = all.filter((p) => !p.hit).map((p) => `${p.controller}/${p.mutant}`);
  const byTest = all.filter((p) => npm.get(p.controller, p.mutant).caught).length;
  const notByTest = all
    .filter((p) => !npm.get(p.controller, p.mutant).caught)
    .map((p) => `${p.controller}/${p.mutant}`);
  const pct = (k: number) => (all.length === 0 ? 0 : round((100 * k) / all.length, 1));
  return [
    {
      name: 'mutants.catalogue_size',
      value: all.length,
      unit: 'mutants',
      detail: 'every variant in src/controllers/*/variants.ts',
    },
    {
      name: 'mutants.caught_by_campaign_pct',
      value: pct(hits.length),
      unit: '%',
      detail: `${hits.length} of ${all.length} within ${MAX_RUNS} runs${missed.length ? `; missed: ${missed.join(', ')}` : ''}`,
    },
    {
      name: 'mutants.caught_by_npm_test_pct',
      value: pct(byTest),
      unit: '%',
      detail: `${byTest} of ${all.length} (${npm.source})${notByTest.length ? `; not: ${notByTest.join(', ')}` : ''}`,
    },
    {
      name: 'mutants.median_runs_to_first_failure',
      value: round(med(hits.map((h) => h.runs)), 1),
      unit: 'runs',
      detail: `${hits.length} caught by campaigns`,
    },
    {
      name: 'mutants.median_ms_to_first_failure',
      value: round(med(hits.map((h) => h.ms)), 0),
      unit: 'ms',
      detail: `${hits.length} caught, ${missed.length} missed by random campaigns`,
    },
    {
      name: 'mutants.median_shrunk_events',
      value: round(med(hits.map((h) => h.toEvents)), 1),
      unit: 'events',
      detail: `max ${Math.max(0, ...hits.map((h) => h.toEvents))}; before shrinking median ${round(med(hits.map((h) => h.fromEvents)), 1)}`,
    },
  ];
}

export async function benchPower(): Promise<BenchResult[]> {
  const npm = npmTestVerdicts();
  // KUBEPROP_POWER_ONLY=daemonset (a substring of "controller/mutant") measures part of the catalogue.
  const only = process.env.KUBEPROP_POWER_ONLY ?? '';
  const chosen = catalogue().filter((m) => `${m.controller}/${m.mutant}`.includes(only));
  // Warm the JIT first, so the first mutant's time to failure is not the compiler's.
  for (let i = 0; i < 30; i++)
    quiet(generateScenario(CAMPAIGN_CONTROLLERS[i % CAMPAIGN_CONTROLLERS.length]!, 1, i));
  const all = chosen.map(({ controller, mutant }) => measureMutant(controller, mutant));
  return [...all.flatMap((p) => mutantResults(p, npm)), ...summaryResults(all, npm)];
}
