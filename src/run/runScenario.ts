/**
 * The one entry point that runs a scenario, for tests, the CLI and replays. It builds a fresh world
 * from the scenario and the seed, expands `chaos:` into events, runs every step with the safety
 * invariants after each, then judges liveness at the end of the settle time and again after the
 * stability window. Same scenario and seed, same trace digest: nothing else feeds the run.
 */
import { eventClaim, eventNode, eventPod, eventTarget } from '../chaos/eventRefs.ts';
import { expandChaos } from '../chaos/generate.ts';
import { scenarioKinds } from '../chaos/kinds.ts';
import { getFault } from '../chaos/registry.ts';
import { CONTROLLERS } from '../controllers/registry.ts';
import type { RunningController } from '../controllers/types.ts';
import { allInvariants } from '../invariants/registry.ts';
import type { InvariantDef } from '../invariants/types.ts';
import type { Kind, NewObject } from '../model/types.ts';
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { World } from '../sim/world.ts';
import { faultApplied } from '../trace/messages.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { InvariantChecker } from './checker.ts';
import { finalState } from './finalState.ts';
import { skippedEvent } from './skipped.ts';
import type { InvariantResult, MachineVisit, RunResult, SkippedEvent } from './types.ts';
import { nothingChecked } from './vacuous.ts';

export interface RunOptions {
  /** Overrides the scenario's seed (`--seed`). */
  seed?: number;
  /** Deep-freeze stored objects so that a controller mutating its cache fails loudly. */
  freezeObjects?: boolean;
  /** Overrides `sim.keepTrace` (benchmarks turn it off). */
  keepTrace?: boolean;
  /**
   * False: skip the trace digest (`traceDigest` is then ''). For runs whose verdict is all that is
   * read: a campaign's lean pass and shrink trials. A run that is reported or replayed keeps it.
   */
  traceDigest?: boolean;
  /** Tests: the DaemonSet controller checks its incremental node table against the full walk. */
  crossCheckNodeTable?: boolean;
  /**
   * Stop as soon as one of these safety invariants is violated (mutant searches: the rest of the
   * run cannot change the verdict, and a livelocked mutant would otherwise run to the end).
   */
  stopOnViolationOf?: readonly string[];
  /**
   * Controllers from outside the registry (issue #15): keyed by a built-in name, a factory replaces
   * that controller; under another name it runs beside them (an operator for a custom resource).
   */
  controllerFactories?: Readonly<Record<string, ControllerFactory>>;
  /** Invariants of the user's own, checked beside the built-in ones. */
  extraInvariants?: readonly InvariantDef[];
  /** More objects created at the start, after the scenario's: custom resources it cannot declare. */
  extraObjects?: readonly NewObject[];
}

/** Starts a controller from outside the registry in a world; `kind` says when it has work. */
export interface ControllerFactory {
  kind: string;
  /** Kinds it watches: present in the run when it runs, so their built-in controllers run too. */
  watches?: readonly string[];
  create(world: World): RunningController;
}

export function runScenario(input: Scenario, opts: RunOptions = {}): RunResult {
  const run = beginRun(input, opts);
  try {
    const { world, checker, settleEnd, stop } = run;
    if (run.ready && runUntil(world, checker, settleEnd, stop)) {
      checker.liveness(world, 'settled');
      if (runUntil(world, checker, settleEnd + world.sim.stabilityMs, stop))
        checker.liveness(world, 'stable');
    }
  } catch (e) {
    run.fail(e);
  }
  return run.result();
}

/**
 * The same run for controllers whose reconcile is async (issue #15): after every step `drain`
 * settles the promises that step resolved, before the clock moves, so the order of everything
 * stays the order of simulated time.
 */
export async function runScenarioAsync(
  input: Scenario,
  opts: RunOptions,
  drain: () => Promise<void>,
): Promise<RunResult> {
  const run = beginRun(input, opts);
  try {
    const { world, checker, settleEnd, stop } = run;
    await drain();
    if (run.ready && (await runUntilAsync(world, checker, settleEnd, stop, drain))) {
      checker.liveness(world, 'settled');
      if (await runUntilAsync(world, checker, settleEnd + world.sim.stabilityMs, stop, drain))
        checker.liveness(world, 'stable');
    }
  } catch (e) {
    run.fail(e);
  }
  return run.result();
}

interface Run {
  world: World;
  checker: InvariantChecker;
  settleEnd: number;
  stop: () => boolean;
  /** False when the setup failed: nothing to step through. */
  ready: boolean;
  fail(e: unknown): void;
  result(): RunResult;
}

/** Builds the world and its controllers; `result()` reads the outcome once the steps have run. */
function beginRun(input: Scenario, opts: RunOptions): Run {
  const seed = opts.seed ?? input.seed;
  const scenario = expandChaos({ ...input, seed });
  const sim = { ...scenario.sim, keepTrace: opts.keepTrace ?? scenario.sim.keepTrace };
  const world = new World({
    seed,
    sim,
    freezeObjects: opts.freezeObjects ?? false,
    crossCheckNodeTable: opts.crossCheckNodeTable ?? false,
    traceDigest: opts.traceDigest ?? true,
  });
  const checker = newChecker(scenario, opts.extraInvariants ?? []);
  const controllers: RunningController[] = [];
  const skipped: SkippedEvent[] = [];
  let error: string | undefined;
  const fail = (e: unknown) => {
    error = e instanceof Error ? `${e.message}` : String(e);
    world.trace.record('info', 'runner', { code: 'run.error', params: { error } });
  };
  const lastEvent = scenario.events.reduce((m, e) => Math.max(m, e.at), 0);
  try {
    setUp(world, scenario, controllers, checker, skipped, {
      factories: opts.controllerFactories ?? {},
      objects: opts.extraObjects ?? [],
    });
  } catch (e) {
    fail(e);
  }
  return {
    world,
    checker,
    settleEnd: lastEvent + scenario.settleMs,
    ready: error === undefined,
    stop: stopCondition(checker, opts.stopOnViolationOf),
    fail,
    result: () => buildResult(world, scenario, checker.results, controllers, error, skipped),
  };
}

function newChecker(scenario: Scenario, extra: readonly InvariantDef[]): InvariantChecker {
  const wanted = [...allInvariants(), ...extra].filter(
    (i) => !scenario.check || scenario.check.includes(i.id),
  );
  const selected = wanted.filter((i) => i.appliesTo(scenario));
  return new InvariantChecker(
    selected,
    wanted.filter((i) => !selected.includes(i)),
  );
}

function setUp(
  world: World,
  scenario: Scenario,
  controllers: RunningController[],
  checker: InvariantChecker,
  skipped: SkippedEvent[],
  extra: { factories: Readonly<Record<string, ControllerFactory>>; objects: readonly NewObject[] },
): void {
  const { factories } = extra;
  world.trace.record('info', 'runner', {
    code: 'run.started',
    params: {
      version: TOOLKIT_VERSION,
      scenario: scenario.name,
      seed: scenario.seed,
      events: scenario.events.length,
    },
  });
  const kinds = scenarioKinds(scenario);
  for (const obj of extra.objects) kinds.add(obj.kind);
  // A user's controller that runs brings the kinds it watches (an operator's StatefulSets).
  for (const f of Object.values(factories))
    if (kinds.has(f.kind as Kind)) for (const w of f.watches ?? []) kinds.add(w as Kind);
  // A Deployment's pods come from its ReplicaSets: their controller runs too.
  if (kinds.has('Deployment')) kinds.add('ReplicaSet');
  // A controller with nothing to manage would only watch: no event creates workloads, so skip it.
  for (const entry of CONTROLLERS.filter((c) => kinds.has(c.workloadKind) && !factories[c.name])) {
    const variant = scenario.controllers[entry.name] ?? 'correct';
    const c = entry.create(world, variant);
    if (variant !== 'correct')
      world.trace.record('info', 'runner', {
        code: 'run.mutant',
        params: { controller: entry.name, variant },
      });
    world.controllers.set(entry.name, c);
    controllers.push(c);
  }
  for (const name of Object.keys(factories).sort()) {
    const factory = factories[name]!;
    if (!kinds.has(factory.kind as Kind)) continue;
    const c = factory.create(world);
    world.controllers.set(name, c);
    controllers.push(c);
  }
  for (const node of scenario.nodes) world.addNode(node);
  for (const obj of [...scenario.objects, ...extra.objects]) {
    const r = world.store.create('user', obj);
    if (!r.ok)
      throw new Error(`could not create ${obj.kind.toLowerCase()}/${obj.metadata.name}: ${r.message}`);
  }
  for (const c of controllers) c.start();
  checker.afterStep(world);
  for (const ev of scenario.events)
    schedule(world, ev, (label, reason) => skipped.push(skippedEvent(ev, label, reason, scenario.events)));
}

function schedule(world: World, ev: ScenarioEvent, onSkip: (label: string, reason: string) => void): void {
  const fault = getFault(ev.do);
  if (!fault) throw new Error(`unknown event kind '${ev.do}'`);
  const label = fault.describe(ev);
  world.clock.at(ev.at, `event: ${label}`, () => {
    world.trace.headed(() => {
      const out = fault.apply(world, ev);
      const objects = eventObjects(ev);
      if (!out.applied) onSkip(label, out.reason);
      return out.applied
        ? { kind: 'fault', actor: 'user', message: faultApplied(label, out.effect), objects }
        : {
            kind: 'skip',
            actor: 'user',
            message: { code: 'fault.skipped', params: { command: label, reason: out.reason } },
            objects,
          };
    });
  });
}

/** The objects an event names, `<kind>/<name>`, for the trace (reports group lines by object). */
function eventObjects(ev: ScenarioEvent): string[] {
  const out: string[] = [];
  const node = eventNode(ev);
  const target = eventTarget(ev);
  const claim = eventClaim(ev);
  const pod = eventPod(ev);
  if (node !== undefined) out.push(`node/${node}`);
  if (target !== undefined) out.push(target);
  if (claim !== undefined) out.push(`persistentvolumeclaim/${claim}`);
  if (typeof pod === 'string') out.push(`pod/${pod}`);
  else if (pod !== undefined) out.push(pod.owner);
  return out;
}

/** Runs every step due by `endMs`; false when `stop` said to end the run early. */
function runUntil(world: World, checker: InvariantChecker, endMs: number, stop: () => boolean): boolean {
  for (;;) {
    const due = world.clock.peekDue();
    if (due === undefined || due > endMs) break;
    world.step();
    checker.afterStep(world);
    if (stop()) return false;
  }
  world.clock.advanceTo(endMs);
  return true;
}

/** runUntil, awaiting `drain` after every step (the async controllers' promises settle there). */
async function runUntilAsync(
  world: World,
  checker: InvariantChecker,
  endMs: number,
  stop: () => boolean,
  drain: () => Promise<void>,
): Promise<boolean> {
  for (;;) {
    const due = world.clock.peekDue();
    if (due === undefined || due > endMs) break;
    world.step();
    await drain();
    checker.afterStep(world);
    if (stop()) return false;
  }
  world.clock.advanceTo(endMs);
  return true;
}

function stopCondition(checker: InvariantChecker, ids: readonly string[] | undefined): () => boolean {
  if (!ids || ids.length === 0) return () => false;
  const watched = checker.results.filter((r) => ids.includes(r.id));
  return () => watched.some((r) => r.status === 'violated');
}

function buildResult(
  world: World,
  scenario: Scenario,
  invariants: InvariantResult[],
  controllers: RunningController[],
  error: string | undefined,
  skipped: SkippedEvent[],
): RunResult {
  const { met, problems } = judgeExpect(scenario, invariants);
  const violated = invariants.some((i) => i.status === 'violated');
  const vacuous = error ? undefined : nothingChecked(scenario, invariants);
  return {
    scenario,
    seed: scenario.seed,
    toolkitVersion: TOOLKIT_VERSION,
    traceDigest: world.trace.digest(),
    outcome: error ? 'error' : violated ? 'violation' : 'pass',
    invariants,
    events: world.trace.events,
    final: finalState(world),
    machines: machineVisits(controllers),
    expectMet: met,
    expectProblems: problems,
    endMs: world.now,
    steps: world.stepCount,
    ...(error ? { error } : {}),
    ...(vacuous ? { nothingChecked: vacuous } : {}),
    ...(skipped.length > 0 ? { skippedEvents: skipped } : {}),
  };
}

function machineVisits(controllers: RunningController[]): MachineVisit[] {
  return controllers
    .flatMap((c) => [...c.visits.values()])
    .map((v) => ({ ...v }))
    .sort((a, b) =>
      `${a.controller}|${a.from}|${a.event}|${a.to}`.localeCompare(
        `${b.controller}|${b.from}|${b.event}|${b.to}`,
      ),
    );
}

/** `expect.holds` must hold and `expect.violates` must be violated. */
export function judgeExpect(
  scenario: Scenario,
  invariants: InvariantResult[],
): { met: boolean; problems: string[] } {
  const problems: string[] = [];
  const status = (id: string) => invariants.find((i) => i.id === id)?.status ?? 'not-checked';
  for (const id of scenario.expect?.holds ?? []) {
    if (status(id) !== 'held') problems.push(`expected ${id} to hold, but it is ${status(id)}`);
  }
  for (const id of scenario.expect?.violates ?? []) {
    if (status(id) !== 'violated') problems.push(`expected ${id} to be violated, but it is ${status(id)}`);
  }
  return { met: problems.length === 0, problems };
}
