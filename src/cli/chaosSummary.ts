/**
 * What a chaos campaign prints at the end: the summary table, the failing runs with their seeds,
 * and whether runs are left (with the command that resumes them). `chaos` and `merge` print the
 * same lines for the same summary file.
 */

import type { CampaignSummary } from '../run/campaign.ts';
import { rangesSize, shardRuns } from '../run/shard.ts';
import type { SummaryFile } from '../run/shardSummary.ts';
import { formatWall } from './verdict.ts';

/** The end-of-campaign table: runs, outcomes, violations by invariant, slowest run. */
export function summaryTable(s: CampaignSummary): string[] {
  const lines = [
    '',
    `runs        ${s.runs}`,
    `passed      ${s.passes}`,
    `violations  ${s.violations}`,
    `errors      ${s.errors}`,
  ];
  const ids = Object.keys(s.violationsById).sort();
  if (ids.length > 0) {
    const width = Math.max(...ids.map((id) => id.length));
    lines.push('', 'violations by invariant:');
    for (const id of ids) lines.push(`  ${id.padEnd(width)}  ${s.violationsById[id]}`);
  }
  const shrunk = s.shrunk ?? [];
  if (shrunk.length > 0) {
    const from = median(shrunk.map((x) => x.fromEvents));
    const to = median(shrunk.map((x) => x.toEvents));
    lines.push(
      '',
      `shrunk      ${shrunk.length} failing run${shrunk.length === 1 ? '' : 's'}: median ${from} events to ${to}`,
    );
  }
  if (s.slowest !== undefined) {
    lines.push(
      '',
      `slowest run: ${s.slowest.name}  seed=${s.slowest.seed}  (${formatWall(s.slowest.wallMs)})`,
    );
  }
  return lines;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `failing runs:` and one line per failing run (index order): name, seed, what broke, its replay file. */
export function failingLines(file: SummaryFile): string[] {
  if (file.failing.length === 0) return [];
  const lines = ['', 'failing runs:'];
  for (const f of file.failing) {
    const what = f.verdict === 'error' ? 'internal error' : f.violated.join(', ') || 'not a pass';
    lines.push(`  ${f.scenario}  seed=${f.seed}  ${what}${f.replay === undefined ? '' : `  ${f.replay}`}`);
  }
  return lines;
}

/**
 * A line when runs of the plan are left: how many are done and how to go on. Unbounded
 * campaigns (a time budget, no run count) say how many ran.
 */
export function remainingLines(file: SummaryFile, summaryPath: string | undefined, why: string): string[] {
  const done = rangesSize(file.done);
  if (file.campaign.runs === null) return [];
  if (file.complete) return [];
  const of = shardRuns(file.shard, file.campaign.runs);
  const resume = summaryPath === undefined ? '' : `; resume with: npx kubeprop chaos --resume ${summaryPath}`;
  return ['', `${why}: ${done} of ${of} runs done${resume}`];
}

/** The exit code a summary file stands for: 3 for an internal error, 1 for a failing run, else 0. */
export function exitCodeOf(file: SummaryFile): number {
  if (file.failing.some((f) => f.verdict === 'error')) return 3;
  return file.failing.length > 0 ? 1 : 0;
}
