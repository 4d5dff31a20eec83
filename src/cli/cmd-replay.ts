/** `kubeprop replay <file.replay.json>`: re-run a recorded run and compare it event by event. */
import { performance } from 'node:perf_hooks';
import { readReplay, replay } from '../run/replay.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';
import { loadRunner } from './runner.ts';
import { EXIT_CODE, judge, verdictLine } from './verdict.ts';

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('replay', argv, {});
  if (values.help) {
    out(HELP.replay);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('kubeprop replay: name exactly one .replay.json file (see kubeprop replay --help)');
  const file = readReplay(positionals[0]!);
  const run = await loadRunner();
  const started = performance.now();
  const outcome = replay(file, run);
  const wallMs = performance.now() - started;
  if (outcome.exact) {
    out(`replayed exactly: ${outcome.result.steps} steps, trace digest ${file.traceDigest.slice(0, 16)}`);
  } else {
    const d = outcome.divergedAt!;
    out(`diverged at step ${d.step}`);
    out(`  recorded: ${d.expected}`);
    out(`  replayed: ${d.actual}`);
  }
  out(verdictLine(outcome.result, wallMs));
  // Exits like `run` (issue 3); the divergence itself is reported above.
  return EXIT_CODE[judge(outcome.result)];
}
