/**
 * Random chaos campaigns (`kubeprop chaos`): from one seed, N small scenarios (a cluster of 2–6
 * nodes, one workload, random faults), run and summarised. Every choice comes from a named PRNG
 * stream, so the same seed always yields the same campaign; wall time is measured for the summary
 * only and never feeds back into a choice.
 */
import { performance } from 'node:perf_hooks';
import { expandChaos } from '../chaos/generate.ts';
import type { KObject } from '../model/types.ts';
import { applyDefaults, validateManifest } from '../scenario/manifests.ts';
import { DEFAULT_SIM_OPTIONS, type NodeSpec, type Scenario } from '../scenario/types.ts';
import { type Rng, rngFor } from '../sim/prng.ts';
import type { RunFn } from './replay.ts';
import { DEFAULT_SHRINK_RUNS, type ShrinkOutcome, shrinkRun } from './shrink.ts';
import type { RunResult } from './types.ts';

export type CampaignController = 'replicaset' | 'daemonset' | 'statefulset' | 'deployment';
export const CAMPAIGN_CONTROLLERS: readonly CampaignController[] = [
  'replicaset',
  'daemonset',
  'statefulset',
  'deployment',
];

export interface CampaignOptions {
  controllers: readonly CampaignController[];
  runs: number;
  seed: number;
  /** Re-runs each failing run may spend on shrinking (default 200; 0 turns shrinking off). */
  shrinkRuns?: number;
  /**
   * Run passing runs without keeping their trace: a campaign only counts them. A run that is not
   * a clean pass is run again with its trace for its reports, replay file and shrinking; the trace
   * never changes what happens, so that run is the one a traced campaign would have had. A
   * quarter less work a run, and nothing to pass between threads but the verdict.
   */
  lean?: boolean;
}

/** One finished run of a campaign. */
export interface CampaignRun {
  index: number;
  controller: CampaignController;
  result: RunResult;
  wallMs: number;
  /** A failing run shrunk to a minimal event list (src/run/shrink.ts). */
  shrunk?: ShrinkOutcome;
}

export interface CampaignSummary {
  runs: number;
  /** Runs whose outcome was a pass. */
  passes: number;
  violations: number;
  errors: number;
  /** Violated invariant id → number of runs that violated it. */
  violationsById: Record<string, number>;
  slowest?: { name: string; seed: number; wallMs: number };
  /** Event counts of each shrunk failure, before and after, in run order (absent: not shrinking). */
  shrunk?: Array<{ fromEvents: number; toEvents: number }>;
}

const ZONES = ['a', 'b', 'c'] as const;

function nodes(rng: Rng): NodeSpec[] {
  const count = rng.between(2, 6);
  // Sometimes the cluster is nearly full: a few pods a node, so some replicas stay Pending.
  const podCapacity = rng.chance(0.15) ? rng.between(1, 3) : 110;
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: { 'kubernetes.io/hostname': `node-${i + 1}`, 'topology.kubernetes.io/zone': rng.pick(ZONES) },
    taints: [],
    unschedulable: false,
    podCapacity,
  }));
}

/**
 * Sometimes the application itself is bad from the start: the image tag names a failure mode the
 * simulator runs (sim/podBehavior.ts), so workloads that cannot become Ready and rollouts away
 * from a bad first revision are exercised. Pods that end by themselves (fail, complete) come only
 * from template updates that chaos fixes soon after: left for a whole run they are endless churn.
 */
function initialImage(app: string, rng: Rng): string {
  if (!rng.chance(0.1)) return `registry.example/${app}:1.0`;
  return `registry.example/${app}:1.0-${rng.pick(['crashloop', 'never-ready'])}`;
}

function podTemplate(app: string, rng: Rng): Record<string, unknown> {
  return {
    metadata: { labels: { app } },
    spec: { containers: [{ name: app, image: initialImage(app, rng) }] },
  };
}

/**
 * The campaign's workloads for a controller, as a user would write them (defaults applied after).
 * Besides the defaults they draw the knobs real manifests set and real bugs hid behind:
 * minReadySeconds, update strategies and their budgets, StatefulSet ordinals.start, claim
 * retention and a short revisionHistoryLimit, and for ReplicaSets sometimes a canary ReplicaSet
 * whose pods the main selector also matches (they belong to the canary: nobody else may adopt
 * them) and orphan pods the set adopts, some with a pod-deletion-cost.
 */
export function workloadManifests(controller: CampaignController, rng: Rng): Record<string, unknown>[] {
  switch (controller) {
    case 'replicaset':
      return replicaSets(rng);
    case 'daemonset':
      return [daemonSet(rng)];
    case 'statefulset':
      return [statefulSet(rng)];
    case 'deployment':
      return [deployment(rng)];
  }
}

const selector = (labels: Record<string, string>) => ({ matchLabels: labels });

/** Pods start at different times, so with minReadySeconds they become available one by one. */
function minReady(rng: Rng): Record<string, number> {
  return rng.chance(0.3) ? { minReadySeconds: rng.between(5, 30) } : {};
}

function replicaSet(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec };
}

function replicaSets(rng: Rng): Record<string, unknown>[] {
  const web = replicaSet('web', {
    replicas: rng.between(1, 5),
    selector: selector({ app: 'web' }),
    template: podTemplate('web', rng),
    ...minReady(rng),
  });
  const pods = orphanPods(rng);
  if (!rng.chance(0.3)) return [...pods, web];
  const labels = { app: 'web', track: 'canary' };
  const canary = replicaSet('web-canary', {
    replicas: rng.between(1, 2),
    selector: selector(labels),
    template: { ...podTemplate('web', rng), metadata: { labels } },
  });
  return [...pods, web, canary];
}

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/**
 * Sometimes pods of the app exist without an owner (left by a `--cascade=orphan` delete, or made by
 * hand), so the ReplicaSet adopts them. Their owners marked some cheap or expensive to lose with a
 * pod-deletion-cost, and one may still run a bad build that never becomes Ready or crash-loops.
 */
function orphanPods(rng: Rng): Record<string, unknown>[] {
  if (!rng.chance(0.35)) return [];
  return Array.from({ length: rng.between(1, 3) }, (_, i) => {
    const metadata: Record<string, unknown> = { name: `web-orphan-${i + 1}`, labels: { app: 'web' } };
    if (rng.chance(0.7)) metadata.annotations = { [DELETION_COST]: String(rng.pick([-100, 0, 5, 1000])) };
    // A pod left from an earlier build that never passed readiness is why it was left behind.
    const image = rng.chance(1 / 3)
      ? `registry.example/web:0.9-${rng.pick(['never-ready', 'never-ready', 'crashloop'])}`
      : 'registry.example/web:1.0';
    return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'web', image }] } };
  });
}

function daemonSet(rng: Rng): Record<string, unknown> {
  const roll = rng.pick([
    { maxUnavailable: 1 },
    { maxUnavailable: 2 },
    { maxUnavailable: '50%' },
    { maxUnavailable: 0, maxSurge: 1 },
  ]);
  const updateStrategy = rng.chance(0.1)
    ? { type: 'OnDelete' }
    : { type: 'RollingUpdate', rollingUpdate: roll };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: selector({ app: 'agent' }),
      template: podTemplate('agent', rng),
      updateStrategy,
      ...minReady(rng),
    },
  };
}

function statefulSet(rng: Rng): Record<string, unknown> {
  const replicas = rng.between(1, 5);
  const spec: Record<string, unknown> = {
    replicas,
    serviceName: 'db',
    podManagementPolicy: rng.chance(0.25) ? 'Parallel' : 'OrderedReady',
    selector: selector({ app: 'db' }),
    template: podTemplate('db', rng),
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
    ...minReady(rng),
  };
  if (rng.chance(0.3)) spec.ordinals = { start: rng.between(1, 3) };
  // A short history: pruning then meets revisions that pods below a partition or OnDelete still run.
  if (rng.chance(0.4)) spec.revisionHistoryLimit = rng.between(0, 2);
  if (rng.chance(0.5))
    spec.persistentVolumeClaimRetentionPolicy = {
      whenDeleted: rng.pick(['Retain', 'Delete']),
      whenScaled: rng.pick(['Retain', 'Delete']),
    };
  const strategy = rng.int(10);
  if (strategy === 0) spec.updateStrategy = { type: 'OnDelete' };
  else if (strategy <= 2)
    spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: rng.between(0, replicas) } };
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec };
}

/**
 * A Deployment: RollingUpdate with drawn maxSurge/maxUnavailable (percentages that round, a zero
 * surge) or Recreate, sometimes a short revisionHistoryLimit or a progress deadline that a rollout
 * to a never-ready image passes within the run (issue #12).
 */
function deployment(rng: Rng): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    replicas: rng.between(1, 8),
    selector: selector({ app: 'web' }),
    template: podTemplate('web', rng),
    ...minReady(rng),
  };
  if (rng.chance(0.25)) spec.strategy = { type: 'Recreate' };
  else
    spec.strategy = {
      type: 'RollingUpdate',
      rollingUpdate: rng.pick([
        { maxSurge: '25%', maxUnavailable: '25%' },
        { maxSurge: '50%', maxUnavailable: '10%' },
        { maxSurge: 0, maxUnavailable: 1 },
        { maxSurge: 2, maxUnavailable: 0 },
      ]),
    };
  if (rng.chance(0.4)) spec.revisionHistoryLimit = rng.between(0, 2);
  // Above any minReadySeconds drawn (validation wants it greater).
  if (rng.chance(0.5)) spec.progressDeadlineSeconds = rng.pick([45, 60, 120]);
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec };
}

function defaulted(manifest: Record<string, unknown>): KObject {
  const err = validateManifest(manifest, { path: 'campaign' });
  // The generator builds these manifests itself, so an invalid one is a kubeprop bug.
  if (err !== null) throw new Error(`campaign generated an invalid manifest: ${err.message}`);
  return applyDefaults(manifest);
}

/**
 * The index-th scenario of a campaign, chaos expanded into events. Pure: same arguments, same
 * scenario.
 */
export function generateScenario(
  controller: CampaignController,
  campaignSeed: number,
  index: number,
): Scenario {
  const rng = rngFor(campaignSeed, `campaign/${index}`);
  const seed = rng.int(2 ** 32);
  const objects = workloadManifests(controller, rng).map(defaulted);
  if (controller === 'statefulset') {
    objects.unshift(
      defaulted({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'db' },
        spec: { clusterIP: 'None', selector: { app: 'db' } },
      }),
    );
  }
  const scenario: Scenario = {
    name: `chaos-${controller}-${index + 1}`,
    description: `Random ${controller} scenario ${index + 1} of campaign seed ${campaignSeed}.`,
    seed,
    nodes: nodes(rng),
    objects,
    events: [],
    chaos: { count: rng.between(5, 30), between: [0, 300_000] },
    settleMs: 600_000,
    controllers: {},
    sim: structuredClone(DEFAULT_SIM_OPTIONS),
  };
  return expandChaos(scenario);
}

/**
 * The index-th run's scenario. Worker threads are handed it ready-made: generating checks the
 * manifests against the Kubernetes schema, whose first use compiles the schema (most of a second),
 * which one thread does once instead of every worker.
 */
export function scenarioFor(opts: CampaignOptions, index: number): Scenario {
  return generateScenario(controllerFor(opts, index), opts.seed, index);
}

/** Which controller the index-th run exercises: round-robin over the chosen ones. */
export function controllerFor(opts: CampaignOptions, index: number): CampaignController {
  return opts.controllers[index % opts.controllers.length]!;
}

/**
 * The index-th run of a campaign: its scenario generated, run, and shrunk when it failed. Pure
 * apart from `wallMs`: the same options, index and runner give the same result, in whichever
 * thread and order the runs happen (src/run/workers).
 */
export function runOne(
  opts: CampaignOptions,
  index: number,
  run: RunFn,
  scenario: Scenario = scenarioFor(opts, index),
): CampaignRun {
  const controller = controllerFor(opts, index);
  let { result, wallMs } = opts.lean ? timed(run, withoutTrace(scenario), LEAN) : timed(run, scenario);
  // A lean pass keeps the scenario it ran with (keepTrace off): the result says what happened.
  if (opts.lean && !cleanPass(result)) ({ result, wallMs } = timed(run, scenario));
  const maxRuns = opts.shrinkRuns ?? DEFAULT_SHRINK_RUNS;
  const shrunk = result.outcome === 'pass' || maxRuns === 0 ? undefined : shrinkRun(result, run, { maxRuns });
  return { index, controller, result, wallMs, ...(shrunk && { shrunk }) };
}

/** A lean pass reads only the verdict: no trace lines, no trace digest. */
const LEAN = { traceDigest: false } as const;

function timed(
  run: RunFn,
  scenario: Scenario,
  runOpts?: Parameters<RunFn>[1],
): { result: RunResult; wallMs: number } {
  const started = performance.now();
  const result = runOpts ? run(scenario, runOpts) : run(scenario);
  return { result, wallMs: performance.now() - started };
}

function withoutTrace(scenario: Scenario): Scenario {
  return { ...scenario, sim: { ...scenario.sim, keepTrace: false } };
}

/** Nothing violated, something checked, `expect` met: a pass whatever else is asked of it. */
function cleanPass(r: RunResult): boolean {
  return (
    r.outcome === 'pass' &&
    r.expectMet &&
    r.nothingChecked === undefined &&
    r.invariants.every((i) => i.status !== 'violated')
  );
}

/** A summary of no runs yet. */
export function emptySummary(): CampaignSummary {
  return { runs: 0, passes: 0, violations: 0, errors: 0, violationsById: {}, shrunk: [] };
}

/**
 * Runs a campaign. Every failing run is shrunk to a minimal event list before `onRun` is called
 * with it (progress output, reports, replay files).
 */
export function runCampaign(
  opts: CampaignOptions,
  run: RunFn,
  onRun: (r: CampaignRun) => void = () => {},
): CampaignSummary {
  const summary = emptySummary();
  for (let index = 0; index < opts.runs; index++) {
    const r = runOne(opts, index, run);
    tally(summary, r);
    onRun(r);
  }
  return summary;
}

/** Counts one finished run into the summary (runs must come in index order for `shrunk`). */
export function tally(summary: CampaignSummary, r: CampaignRun): void {
  const { result, wallMs } = r;
  summary.runs++;
  if (result.outcome === 'pass') summary.passes++;
  else if (result.outcome === 'error') summary.errors++;
  else summary.violations++;
  for (const inv of result.invariants) {
    if (inv.status === 'violated') summary.violationsById[inv.id] = (summary.violationsById[inv.id] ?? 0) + 1;
  }
  if (summary.slowest === undefined || wallMs > summary.slowest.wallMs) {
    summary.slowest = { name: result.scenario.name, seed: result.seed, wallMs };
  }
  if (r.shrunk !== undefined)
    summary.shrunk?.push({ fromEvents: r.shrunk.fromEvents, toEvents: r.shrunk.toEvents });
}
