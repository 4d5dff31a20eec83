/**
 * Replay files from code: write one for a run, re-run one and learn whether it replayed exactly, and
 * the command a person would type for it.
 */
import { replayCommand as commandFor, replayPath } from '../cli/outputs.ts';
import { type ReplayFile, type ReplayOutcome, readReplay, replay, writeReplay } from '../run/replay.ts';
import { runScenario } from '../run/runScenario.ts';
import { type ShrinkOutcome, shrinkRun } from '../run/shrink.ts';
import type { RunResult } from '../run/types.ts';

export type { ReplayFile, ReplayOutcome, ShrinkOutcome };

/**
 * Re-runs a `.replay.json` file with its scenario and seed. `exact` says whether the trace matched
 * event for event; otherwise `divergedAt` names the first step that differs.
 * @throws ScenarioError for a file that cannot be read or trusted (another version, edited).
 */
export function replayFile(path: string): ReplayOutcome {
  return replay(readReplay(path), runScenario);
}

/** Reads and checks a replay file without running it. @throws ScenarioError as {@link replayFile}. */
export function readReplayFile(path: string): ReplayFile {
  return readReplay(path);
}

/**
 * Writes the run's replay file as `kubeprop run` does, to `<dir>/<scenario>/<seed>/<scenario>.replay.json`
 * (default dir `reports`), and returns its path.
 */
export function writeReplayFile(result: RunResult, dir = 'reports'): string {
  return writeReplay(result, replayPath(dir, result));
}

/** `npx kubeprop replay <path>`, the path relative to the current folder when below it. */
export function replayCommand(path: string): string {
  return commandFor(path);
}

/**
 * Shrinks a failing run to a minimal list of its events that still breaks the same invariant (or
 * hits the same internal error), by delta debugging; undefined for a run that did not fail.
 */
export function shrink(result: RunResult, options: { maxRuns?: number } = {}): ShrinkOutcome | undefined {
  return shrinkRun(result, runScenario, options.maxRuns === undefined ? {} : { maxRuns: options.maxRuns });
}
