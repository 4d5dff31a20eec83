/** `kubeprop replay <file.replay.json>`: re-run a recorded run and compare it event by event. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { shellQuote } from '../report/options.ts';
import { keyPos } from '../run/jsonFile.ts';
import { type ReplayFile, readReplay, replay } from '../run/replay.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { isAllowed, replayWithControllers } from './controllerFiles.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';
import { loadRunner } from './runner.ts';
import { EXIT_CODE, judge, verdictLine } from './verdict.ts';

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('replay', argv, {
    'allow-controller-path': { type: 'string', multiple: true },
  });
  if (values.help) {
    out(HELP.replay);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('kubeprop replay: name exactly one .replay.json file (see kubeprop replay --help)');
  const file = readReplay(positionals[0]!);
  const allowed = Array.isArray(values['allow-controller-path'])
    ? values['allow-controller-path'].map(String)
    : [];
  const started = performance.now();
  const outcome =
    file.controllerFiles === undefined
      ? replay(file, await loadRunner())
      : await replayWithControllers(allowedFiles(positionals[0]!, file, allowed));
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
 * A run with controller files (issue #15) replays only when --allow-controller-path names each file
 * (or a folder holding it): a replay file from elsewhere must not make kubeprop import code by itself.
 */
function allowedFiles(
  path: string,
  file: ReplayFile,
  allowed: readonly string[],
): ReplayFile & { controllerFiles: Record<string, string> } {
  const files = file.controllerFiles ?? {};
  const refused = Object.values(files).filter((f) => !isAllowed(f, allowed));
  if (refused.length === 0) return { ...file, controllerFiles: files };
  const { line, col } = keyPos(readFileSync(path, 'utf8'), 'controllerFiles');
  throw new ScenarioError(
    path,
    line,
    col,
    `this run used controller files; kubeprop replay imports them only when --allow-controller-path names them: ${refused.map((f) => `--allow-controller-path ${shellQuote(f)}`).join(' ')}`,
  );
}
