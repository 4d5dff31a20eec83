/**
 * The JSON report (design.md §4, a contract): `{ scenario, seed, toolkitVersion, traceDigest,
 * outcome, invariants, events, final }` in that key order. Known shapes are rebuilt field by field;
 * free-form values (workload spec/status) get their keys sorted, so the same RunResult always
 * gives byte-identical text, however its objects were built.
 */
import type { FinalState, HeldNote, InvariantResult, RunResult } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';
import { causalSlice, mutantsOf } from './why.ts';

/** A JSON value with object keys sorted recursively; `undefined` members are dropped. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function invariantJson(i: InvariantResult): object {
  return {
    id: i.id,
    kind: i.kind,
    status: i.status,
    // messageKo (the Korean message) is an optional addition to the design.md §4 contract.
    violations: i.violations.map((v) => ({
      atMs: v.atMs,
      step: v.step,
      message: v.message,
      ...(v.messageKo !== undefined ? { messageKo: v.messageKo } : {}),
      objects: [...v.objects],
    })),
    // heldByDesign (design §5 "Verdicts") is an optional addition too, present only when some
    // claim held because Kubernetes waits on purpose, so other reports stay byte-identical.
    ...(i.heldByDesign !== undefined ? { heldByDesign: i.heldByDesign.map(heldJson) } : {}),
  };
}

function heldJson(n: HeldNote): object {
  return {
    atMs: n.atMs,
    message: n.message,
    ...(n.messageKo !== undefined ? { messageKo: n.messageKo } : {}),
    objects: [...n.objects],
  };
}

function eventJson(e: TraceEvent): object {
  const out: Record<string, unknown> = {
    step: e.step,
    atMs: e.atMs,
    kind: e.kind,
    actor: e.actor,
    text: e.text,
    code: e.code,
    params: sortedParams(e.params),
  };
  if (e.objects) out.objects = [...e.objects];
  return out;
}

/** Parameters in sorted key order (as the digest reads them), so the JSON is stable however they were built. */
function sortedParams(p: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(p).sort()) out[k] = p[k];
  return out;
}

function finalJson(f: FinalState): object {
  return {
    nodes: f.nodes.map((n) => ({
      name: n.name,
      ready: n.ready,
      up: n.up,
      reachable: n.reachable,
      unschedulable: n.unschedulable,
      taints: [...n.taints],
    })),
    pods: f.pods.map((p) => {
      const out: Record<string, unknown> = {
        name: p.name,
        node: p.node,
        phase: p.phase,
        ready: p.ready,
        terminating: p.terminating,
        owner: p.owner,
        restarts: p.restarts,
      };
      if (p.revision !== undefined) out.revision = p.revision;
      return out;
    }),
    workloads: f.workloads.map((w) => ({
      kind: w.kind,
      name: w.name,
      spec: canonical(w.spec),
      status: canonical(w.status),
    })),
    pvcs: f.pvcs.map((c) => ({ name: c.name, phase: c.phase, volume: c.volume, terminating: c.terminating })),
  };
}

/**
 * The report.json object of a run. `scenario` is the scenario's name; `error` is added only when
 * the outcome is "error".
 */
export function toJsonReport(result: RunResult): object {
  const out: Record<string, unknown> = {
    scenario: result.scenario.name,
    seed: result.seed,
    toolkitVersion: result.toolkitVersion,
    traceDigest: result.traceDigest,
    outcome: result.outcome,
    invariants: result.invariants.map(invariantJson),
    events: result.events.map(eventJson),
    final: finalJson(result.final),
  };
  if (result.outcome === 'error' && result.error !== undefined) out.error = result.error;
  // Extensions (issue #13): the mutant controllers a run uses, and per violated invariant the
  // causal slice of its first violation (the last writes to its objects, with the decisions behind them).
  const mutants = mutantsOf(result);
  if (mutants.length > 0) out.mutants = mutants;
  const why = whyJson(result);
  if (why.length > 0) out.why = why;
  // A run in which no invariant applied: outcome stays "pass" (nothing was violated) and this
  // says why it is not one (the CLI exits 1). Present only then.
  if (result.nothingChecked !== undefined) out.nothingChecked = { ...result.nothingChecked };
  // Only when some were skipped, so reports of scenarios without them stay byte-identical.
  const ignored = result.scenario.ignoredManifests ?? [];
  if (ignored.length > 0) out.ignoredManifests = ignored;
  return out;
}

function sliceEventJson(e: TraceEvent): object {
  return {
    step: e.step,
    atMs: e.atMs,
    actor: e.actor,
    code: e.code,
    params: sortedParams(e.params),
    text: e.text,
  };
}

function whyJson(result: RunResult): object[] {
  return result.invariants
    .filter((i) => i.status === 'violated' && i.violations.length > 0)
    .map((i) => ({
      invariant: i.id,
      step: i.violations[0]!.step,
      writes: causalSlice(result.events, i.violations[0]!).map(({ write, decision }) =>
        decision ? { ...sliceEventJson(write), decision: sliceEventJson(decision) } : sliceEventJson(write),
      ),
    }));
}

/** report.json's text: two-space indentation and a final newline. */
export function renderJson(result: RunResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
