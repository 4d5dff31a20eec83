/**
 * `kubeprop merge`: the summary files of a campaign's shards (`kubeprop chaos --shard i/n`, run on
 * several machines or CI jobs) combined into the summary of one unsharded campaign: the same
 * counts, violations and failing seeds, printed as `chaos` prints them and written as one file.
 */
import { dirname, join } from 'node:path';
import { mergeSummaries, SummaryMismatch, toCampaignSummary } from '../run/shardSummary.ts';
import { readSummaryFile, writeSummaryFile } from '../run/shardSummaryFile.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { summaryFilesIn, summaryOption } from './chaosOptions.ts';
import { exitCodeOf, failingLines, remainingLines, summaryTable } from './chaosSummary.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', argv, { summary: { type: 'string' } });
  if (values.help) {
    out(HELP.merge);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError(
      "kubeprop merge: name the shards' summary files, or the folder that holds them (see kubeprop merge --help)",
    );
  const paths = summaryFilesIn(positionals);
  // Read (and check) every file before writing anything.
  const files = paths.map((path) => ({ path, file: readSummaryFile(path) }));
  let merged: ReturnType<typeof mergeSummaries>;
  try {
    merged = mergeSummaries(files);
  } catch (e) {
    if (e instanceof SummaryMismatch) throw new UsageError(`kubeprop merge: ${e.message}`);
    throw e;
  }
  const target = summaryOption('merge', values.summary, join(dirname(paths[0]!), 'chaos-summary.json'));
  const c = merged.campaign;
  out(
    `merged ${files.length} shard summar${files.length === 1 ? 'y' : 'ies'}: seed=${c.seed} runs=${c.runs ?? 'unbounded'} controllers=${c.controllers.join(',')}`,
  );
  for (const line of [
    ...summaryTable(toCampaignSummary(merged)),
    ...failingLines(merged),
    ...remainingLines(
      merged,
      undefined,
      'incomplete (resume the unfinished shards with --resume, then merge again)',
    ),
  ])
    out(line);
  out(`summary file: ${writeSummaryFile(target, merged)}`);
  return exitCodeOf(merged);
}
