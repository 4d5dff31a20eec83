/**
 * Replay files: everything needed to re-run a run exactly (the fully expanded scenario, the seed,
 * the toolkit version) plus what it produced (trace digest and lines), sealed with a SHA-256 over
 * the inputs so an edited file is refused instead of silently replaying something else.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ScenarioError } from '../scenario/errors.ts';
import type { Scenario } from '../scenario/types.ts';
import { traceLine } from '../trace/recorder.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { keyPos, readJsonFile } from './jsonFile.ts';
import type { RunResult } from './types.ts';

export const REPLAY_FORMAT = 'kubeprop-replay/v1';

/** The contents of a `.replay.json` file. */
export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  toolkitVersion: string;
  seed: number;
  /** The scenario as run: chaos already expanded into `events`. */
  scenario: Scenario;
  traceDigest: string;
  outcome: RunResult['outcome'];
  /** The first violation of each violated invariant, for the reader of the file. */
  violations: Array<{ id: string; step: number; atMs: number; message: string }>;
  /** sha256 over the canonical JSON of {scenario, seed, toolkitVersion, traceDigest}. */
  integrity: string;
  /** One line per trace event (`step atMs kind actor text`), to show where a replay diverges. */
  trace: string[];
  /**
   * Controller files the scenario named (issue #15), by controller name. `kubeprop replay` refuses
   * such a file: it would have to import code the replay file names. Sealed when present.
   */
  controllerFiles?: Record<string, string>;
}

/** Signature of `runScenario` (src/run/runScenario.ts), passed in so this module loads without the simulator. */
/**
 * How a campaign, the shrinker and replays run a scenario. `traceDigest: false` asks for the verdict
 * only (a run function may still compute the digest; the built-in one then skips it).
 */
export type RunFn = (scenario: Scenario, opts?: { seed?: number; traceDigest?: boolean }) => RunResult;

/** What a replay found. */
export interface ReplayOutcome {
  exact: boolean;
  /** The first trace line that differs (`expected` from the file, `actual` from this run). */
  divergedAt?: { step: number; expected: string; actual: string };
  result: RunResult;
}

/** JSON with object keys sorted at every level: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The integrity digest of a replay's inputs. */
export function replayIntegrity(
  f: Pick<ReplayFile, 'scenario' | 'seed' | 'toolkitVersion' | 'traceDigest' | 'controllerFiles'>,
): string {
  const sealed = {
    scenario: f.scenario,
    seed: f.seed,
    toolkitVersion: f.toolkitVersion,
    traceDigest: f.traceDigest,
    // Only when present, so replay files of runs without controller files keep their digest.
    ...(f.controllerFiles !== undefined && { controllerFiles: f.controllerFiles }),
  };
  return createHash('sha256').update(canonicalJson(sealed)).digest('hex');
}

/** Builds the replay record of a run. */
export function toReplayFile(result: RunResult, controllerFiles?: Record<string, string>): ReplayFile {
  // The scenario of a result already holds the generated chaos as events; dropping `chaos` keeps a
  // replay from drawing the same random events a second time.
  const { chaos: _chaos, ...scenario } = result.scenario;
  const base = {
    scenario: scenario as Scenario,
    seed: result.seed,
    toolkitVersion: result.toolkitVersion,
    traceDigest: result.traceDigest,
    ...(controllerFiles !== undefined && { controllerFiles }),
  };
  const violations = result.invariants.flatMap((inv) => {
    const v = inv.violations[0];
    return v === undefined ? [] : [{ id: inv.id, step: v.step, atMs: v.atMs, message: v.message }];
  });
  // Key order is what a reader sees first: version, seed and verdict before the long parts.
  return {
    format: REPLAY_FORMAT,
    toolkitVersion: base.toolkitVersion,
    seed: base.seed,
    traceDigest: base.traceDigest,
    integrity: replayIntegrity(base),
    outcome: result.outcome,
    violations,
    scenario: base.scenario,
    ...(controllerFiles !== undefined && { controllerFiles }),
    trace: result.events.map(traceLine),
  };
}

/** Writes `<path>` (creating its folder) and returns the path. */
export function writeReplay(
  result: RunResult,
  path: string,
  controllerFiles?: Record<string, string>,
): string {
  mkdirSync(dirname(path), { recursive: true });
  const file = toReplayFile(result, controllerFiles);
  // One trace line per row keeps the file diffable; the rest is indented JSON.
  const { trace, ...head } = file;
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = trace.map((l) => `    ${JSON.stringify(l)}`).join(',\n');
  writeFileSync(path, `${body},\n  "trace": [${trace.length ? `\n${lines}\n  ` : ''}]\n}\n`);
  return path;
}

/**
 * Reads and checks a replay file: JSON, shape, toolkit version equal to this one, and integrity.
 * @throws ScenarioError `path:line:col: why it cannot be trusted`.
 */
export function readReplay(path: string): ReplayFile {
  const { text, data } = readJsonFile(path, 'replay file');
  return checkReplay(data, path, text);
}

function checkReplay(data: unknown, path: string, text: string): ReplayFile {
  const fail = (key: string, why: string): never => {
    const { line, col } = keyPos(text, key);
    throw new ScenarioError(path, line, col, why);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail('', 'not a replay file: expected a JSON object');
  const f = data as Partial<ReplayFile>;
  if (f.format !== REPLAY_FORMAT) fail('format', `not a replay file: "format" must be "${REPLAY_FORMAT}"`);
  if (f.toolkitVersion !== TOOLKIT_VERSION) {
    fail(
      'toolkitVersion',
      `replay file was written by kubeprop ${JSON.stringify(f.toolkitVersion)}, this is ${TOOLKIT_VERSION}: runs are only reproducible with the same version (re-run the scenario with this one)`,
    );
  }
  if (typeof f.seed !== 'number' || !Number.isInteger(f.seed) || f.seed < 0)
    fail('seed', 'replay file is damaged: "seed" must be a non-negative integer');
  if (typeof f.traceDigest !== 'string')
    fail('traceDigest', 'replay file is damaged: "traceDigest" is missing');
  if (!isScenarioShape(f.scenario))
    fail('scenario', 'replay file is damaged: "scenario" is not a kubeprop scenario');
  if (!Array.isArray(f.trace) || !f.trace.every((l) => typeof l === 'string'))
    fail('trace', 'replay file is damaged: "trace" must be a list of lines');
  if (typeof f.integrity !== 'string' || f.integrity !== replayIntegrity(f as ReplayFile)) {
    fail(
      'integrity',
      'replay file was modified after it was written: its sha256 integrity digest does not match the scenario, seed, version and trace digest',
    );
  }
  return f as ReplayFile;
}

function isScenarioShape(s: unknown): s is Scenario {
  if (typeof s !== 'object' || s === null) return false;
  const x = s as Partial<Scenario>;
  return (
    typeof x.name === 'string' &&
    Array.isArray(x.nodes) &&
    Array.isArray(x.objects) &&
    Array.isArray(x.events) &&
    typeof x.sim === 'object'
  );
}

/**
 * Re-runs a replay file's scenario with its seed and compares the trace.
 * @param run the scenario runner (`runScenario`).
 */
export function replay(file: ReplayFile, run: RunFn): ReplayOutcome {
  const result = run(structuredClone(file.scenario), { seed: file.seed });
  if (result.traceDigest === file.traceDigest) return { exact: true, result };
  const actual = result.events.map(traceLine);
  return { exact: false, divergedAt: firstDifference(file.trace, actual), result };
}

const END = '(end of trace)';

/** The first index where two traces differ, as a step number and both lines. */
export function firstDifference(
  expected: readonly string[],
  actual: readonly string[],
): { step: number; expected: string; actual: string } {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === a) continue;
    const step = Number.parseInt((e ?? a ?? '0').split(' ')[0]!, 10);
    return { step: Number.isNaN(step) ? i : step, expected: e ?? END, actual: a ?? END };
  }
  // Same lines but another digest: the original run kept no trace lines (sim.keepTrace false).
  return { step: 0, expected: '(trace lines not recorded)', actual: actual[0] ?? END };
}
