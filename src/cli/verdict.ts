/**
 * Verdicts: whether a run passed (invariants held and `expect` met, where an expected violation
 * counts as met) and the one-line summary `run` prints for it.
 */
import { formatTime } from '../report/format.ts';
import type { RunResult, Violation } from '../run/types.ts';

export type Verdict = 'pass' | 'fail' | 'error';

/** Exit code of a verdict (design.md §3). */
export const EXIT_CODE: Readonly<Record<Verdict, number>> = { pass: 0, fail: 1, error: 3 };

/** Ids of violated invariants the scenario did not say it would violate. */
export function unexpectedViolations(result: RunResult): string[] {
  const expected = result.scenario.expect?.violates ?? [];
  return result.invariants
    .filter((i) => i.status === 'violated' && !expected.includes(i.id))
    .map((i) => i.id);
}

/** pass / fail / error for a run. */
export function judge(result: RunResult): Verdict {
  if (result.outcome === 'error') return 'error';
  return unexpectedViolations(result).length === 0 && result.expectMet ? 'pass' : 'fail';
}

/** The earliest violation (by step, then time) among the given invariant ids. */
export function firstViolation(
  result: RunResult,
  ids: readonly string[],
): { id: string; v: Violation } | undefined {
  let best: { id: string; v: Violation } | undefined;
  for (const inv of result.invariants) {
    if (!ids.includes(inv.id)) continue;
    for (const v of inv.violations) {
      if (best === undefined || v.step < best.v.step || (v.step === best.v.step && v.atMs < best.v.atMs))
        best = { id: inv.id, v };
    }
  }
  return best;
}

/** `12.3 ms` with one decimal below 100 ms, whole ms above. */
export function formatWall(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * The verdict line, e.g. `PASS  replicaset-self-healing  seed=42  12 invariants held  (3.1 ms)` or
 * `FAIL  ...  replicaset.no-overshoot violated at 00:42.130 step 311  (3.1 ms)`.
 */
export function verdictLine(result: RunResult, wallMs: number): string {
  const verdict = judge(result);
  const head = `${verdict.toUpperCase().padEnd(5)} ${result.scenario.name}  seed=${result.seed}`;
  return `${head}  ${verdictDetail(result, verdict)}  (${formatWall(wallMs)})`;
}

function verdictDetail(result: RunResult, verdict: Verdict): string {
  if (verdict === 'error') return `internal error: ${(result.error ?? 'unknown').split('\n')[0]}`;
  const held = result.invariants.filter((i) => i.status === 'held').length;
  const heldText = `${held} invariant${held === 1 ? '' : 's'} held`;
  if (verdict === 'pass') {
    const expected = result.invariants.filter((i) => i.status === 'violated').map((i) => i.id);
    return expected.length === 0 ? heldText : `${expected.join(', ')} violated as expected, ${heldText}`;
  }
  const first = firstViolation(result, unexpectedViolations(result));
  if (first !== undefined) {
    const more = unexpectedViolations(result).length - 1;
    return `${first.id} violated at ${formatTime(first.v.atMs)} step ${first.v.step}${more > 0 ? ` (+${more} more)` : ''}`;
  }
  return `expect not met: ${result.expectProblems.join('; ') || 'see the report'}`;
}
