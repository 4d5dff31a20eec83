/**
 * Reading and writing summary files (src/run/shardSummary.ts). A file that is not one, is damaged
 * or comes from another kubeprop version is refused with one line naming the file, the position
 * of the field and what is wrong, as replay files are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ScenarioError } from '../scenario/errors.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { CAMPAIGN_CONTROLLERS } from './campaign.ts';
import { keyPos, readJsonFile } from './jsonFile.ts';
import { rangesSize } from './shard.ts';
import { SUMMARY_FORMAT, type SummaryFile } from './shardSummary.ts';

/** Writes the file (its folder created); returns the path. */
export function writeSummaryFile(path: string, file: SummaryFile): string {
  mkdirSync(dirname(path), { recursive: true });
  // Ranges on one line each: `[0, 4999]`, not four lines.
  const text = JSON.stringify(file, null, 2).replace(/\[\s+(\d+),\s+(\d+)\s+\]/g, '[$1, $2]');
  writeFileSync(path, `${text}\n`);
  return path;
}

/** Reads and checks a summary file; a problem is one ScenarioError line naming the field. */
export function readSummaryFile(path: string): SummaryFile {
  const { text, data } = readJsonFile(path, 'summary file');
  const problem = summaryProblem(data);
  if (problem !== undefined) {
    const { line, col } = keyPos(text, problem.key);
    throw new ScenarioError(path, line, col, problem.why);
  }
  return data as SummaryFile;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The first thing wrong with a would-be summary file: the key to point at and why. */
function summaryProblem(data: unknown): { key: string; why: string } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { key: '', why: 'not a summary file: expected a JSON object' };
  const f = data as Partial<SummaryFile>;
  if (f.format !== SUMMARY_FORMAT)
    return { key: 'format', why: `not a summary file: "format" must be "${SUMMARY_FORMAT}"` };
  if (f.toolkitVersion !== TOOLKIT_VERSION)
    return {
      key: 'toolkitVersion',
      why: `summary file was written by kubeprop ${JSON.stringify(f.toolkitVersion)}, this is ${TOOLKIT_VERSION}: campaigns only combine with the same version`,
    };
  const c = f.campaign;
  if (c === undefined || !isCount(c.seed) || !isCount(c.shrinkRuns) || !(c.runs === null || isCount(c.runs)))
    return {
      key: 'campaign',
      why: 'summary file is damaged: "campaign" needs seed, runs (a count or null) and shrinkRuns',
    };
  if (
    !Array.isArray(c.controllers) ||
    c.controllers.length === 0 ||
    !c.controllers.every((x) => CAMPAIGN_CONTROLLERS.includes(x))
  )
    return {
      key: 'controllers',
      why: `summary file is damaged: "controllers" must list some of ${CAMPAIGN_CONTROLLERS.join(', ')}`,
    };
  const s = f.shard;
  if (s === undefined || !isCount(s.index) || !isCount(s.count) || s.count < 1 || s.index >= s.count)
    return {
      key: 'shard',
      why: 'summary file is damaged: "shard" must be {index, count} with index below count',
    };
  if (
    !Array.isArray(f.done) ||
    !f.done.every((r) => Array.isArray(r) && r.length === 2 && isCount(r[0]) && isCount(r[1]) && r[0] <= r[1])
  )
    return { key: 'done', why: 'summary file is damaged: "done" must be a list of [first, last] ranges' };
  const t = f.totals;
  if (
    t === undefined ||
    ![t.runs, t.passes, t.violations, t.errors].every(isCount) ||
    typeof t.violationsById !== 'object'
  )
    return {
      key: 'totals',
      why: 'summary file is damaged: "totals" needs runs, passes, violations, errors and violationsById',
    };
  if (t.runs !== rangesSize(f.done))
    return {
      key: 'totals',
      why: `summary file is damaged: "totals.runs" is ${t.runs} but "done" covers ${rangesSize(f.done)} runs`,
    };
  if (!Array.isArray(f.failing) || !f.failing.every((x) => isCount(x?.index) && isCount(x?.seed)))
    return { key: 'failing', why: 'summary file is damaged: "failing" must list runs with index and seed' };
  return undefined;
}
