/** `kubeprop replay <file.replay.json>`: re-run a recorded run and compare it event by event. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { shellQuote } from '../report/options.ts';
import { keyPos, type ReplayFile, readReplay, replay } from '../run/replay.ts';
import { ScenarioError } from '../scenario/errors.ts';
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
  refuseControllerFiles(positionals[0]!, file);
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

/**
 * A run with controller files (issue #15) is not replayed: replaying would import the code the
 * replay file names, and a replay file from elsewhere must not make kubeprop run code. It is re-run.
 */
function refuseControllerFiles(path: string, file: ReplayFile): void {
  if (file.controllerFiles === undefined) return;
  const text = readFileSync(path, 'utf8');
  const { line, col } = keyPos(text, 'controllerFiles');
  const source = file.scenario.source ?? '<scenario.yaml>';
  throw new ScenarioError(
    path,
    line,
    col,
    `this run used controller files (${Object.values(file.controllerFiles).join(', ')}), which kubeprop replay does not import; re-run it: kubeprop run ${shellQuote(source)} --seed ${file.seed} (and --allow-controller-path for a file outside its folder)`,
  );
}
