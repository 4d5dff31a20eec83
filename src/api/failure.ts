/**
 * What a failing kubeprop assertion says (issue #14: a bare `expected 'violation' to be 'pass'` told
 * nobody anything): which invariant broke, when and on what objects, the run's events one per line
 * (after shrinking, the shrunk ones), and the exact command that replays the run.
 */
import { firstViolation, judge, unexpectedViolations } from '../cli/verdict.ts';
import { formatTime } from '../report/format.ts';
import type { RunResult, Violation } from '../run/types.ts';
import type { ScenarioEvent } from '../scenario/types.ts';

/** `00:30.000 crash-node node=node-a`: one scenario event on one line. */
export function eventLine(e: ScenarioEvent): string {
  const { at, do: kind, ...fields } = e;
  const rest = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return [formatTime(at), kind, ...rest].join(' ');
}

/** `events (2):` then one indented line each, or `events: none`. */
export function eventLines(events: readonly ScenarioEvent[]): string[] {
  if (events.length === 0) return ['events: none'];
  return [`events (${events.length}):`, ...events.map((e) => `  ${eventLine(e)}`)];
}

function violationLine(id: string, v: Violation, count: number): string {
  const more = count > 1 ? ` (${count} violations, the first shown)` : '';
  const objects = v.objects.length > 0 ? ` [${v.objects.join(', ')}]` : '';
  return `${id} violated at ${formatTime(v.atMs)} step ${v.step}${more}: ${v.message}${objects}`;
}

/** `scenario NAME seed=N`: how a message names the run. */
export function runName(result: RunResult): string {
  const from = result.scenario.source === undefined ? '' : ` (${result.scenario.source})`;
  return `scenario ${result.scenario.name}${from} seed=${result.seed}`;
}

/** Why `id` did not hold in this run, or undefined when it held. */
export function invariantProblem(result: RunResult, id: string): string | undefined {
  if (result.outcome === 'error') return `the run hit an internal error: ${result.error ?? 'unknown'}`;
  const inv = result.invariants.find((i) => i.id === id);
  if (inv === undefined) return `${id} was not checked (not selected by spec.check or the options)`;
  if (inv.status === 'not-applicable') return `${id} does not apply to this scenario, so nothing was checked`;
  const first = inv.violations[0];
  if (inv.status === 'violated' && first !== undefined)
    return violationLine(id, first, inv.violations.length);
  return undefined;
}

/** Why the run as a whole did not pass (`kubeprop run` would print FAIL or ERROR), or undefined. */
export function runProblem(result: RunResult): string | undefined {
  const verdict = judge(result);
  if (verdict === 'pass') return undefined;
  if (verdict === 'error') return `the run hit an internal error: ${result.error ?? 'unknown'}`;
  if (result.nothingChecked !== undefined) return `nothing was checked: ${result.nothingChecked.en}`;
  const ids = unexpectedViolations(result);
  const first = firstViolation(result, ids);
  if (first !== undefined) {
    const count = result.invariants.find((i) => i.id === first.id)?.violations.length ?? 1;
    const others = ids.length > 1 ? `; also violated: ${ids.filter((i) => i !== first.id).join(', ')}` : '';
    return `${violationLine(first.id, first.v, count)}${others}`;
  }
  return `expect not met: ${result.expectProblems.join('; ') || 'see the report'}`;
}

/** The whole message: the problem, the run, its events and the replay command. */
export function failureMessage(result: RunResult, problem: string, replay?: string): string {
  return [
    problem,
    `in ${runName(result)}`,
    ...eventLines(result.scenario.events),
    ...(replay === undefined ? [] : [`replay: ${replay}`]),
  ].join('\n');
}
