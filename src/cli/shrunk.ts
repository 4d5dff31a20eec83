/**
 * What a shrunk failure leaves behind: `<scenario>.shrunk.replay.json` beside the failing run's own
 * replay file, checked to replay exactly, and the lines that tell the user about it.
 */
import { type RunFn, readReplay, replay, writeReplay } from '../run/replay.ts';
import type { ShrinkOutcome } from '../run/shrink.ts';
import type { RunResult } from '../run/types.ts';
import { replayCommand, replayPath } from './outputs.ts';

/** `<dir>/<scenario>/<seed>/<scenario>.shrunk.replay.json`: beside the failing run's own replay file. */
export function shrunkReplayPath(dir: string, failing: RunResult): string {
  return replayPath(dir, failing).replace(/\.replay\.json$/, '.shrunk.replay.json');
}

/** `      shrunk from 29 events to 2 (…)` and the replay command of the shrunk run. */
export function shrinkLines(s: ShrinkOutcome, command: string, divergedAtStep?: number): string[] {
  const what = 'error' in s.target ? 'the same internal error' : `${s.target.invariant} still violated`;
  const bound = s.minimal ? '' : `, stopped at the ${s.runs}-run budget`;
  const lines = [
    `      shrunk from ${s.fromEvents} events to ${s.toEvents} (${what}; ${s.runs} re-runs${bound})`,
    `      shrunk replay: ${command}`,
  ];
  if (divergedAtStep !== undefined)
    lines.push(`      warning: the shrunk replay file diverged at step ${divergedAtStep} when re-run`);
  return lines;
}

/**
 * Writes the shrunk run's replay file beside the failing run's, re-runs it from the file (it must
 * replay exactly, like any replay file) and returns the lines to print.
 */
export function writeShrunkReplay(s: ShrinkOutcome, failing: RunResult, dir: string, run: RunFn): string[] {
  const path = writeReplay(s.result, shrunkReplayPath(dir, failing));
  const check = replay(readReplay(path), run);
  return shrinkLines(s, replayCommand(path), check.divergedAt?.step);
}
