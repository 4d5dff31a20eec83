/**
 * The `kubeprop` command (design.md §3). `main` never throws and never prints a stack trace: bad
 * input is one `file:line:col: ...` line and exit 2, anything unexpected one line and exit 3.
 */

import { didYouMean } from '../model/suggest.ts';
import { isScenarioError } from '../scenario/errors.ts';
import { TOOLKIT_VERSION } from '../version.ts';
import { UsageError } from './args.ts';
import { HELP } from './help.ts';
import { endQuietlyOnEpipe, err, out } from './io.ts';

type Command = (argv: string[]) => Promise<number>;

/** Commands load lazily, so `--help` and bad arguments never wait for the simulator to load. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  run: async () => (await import('./cmd-run.ts')).runCommand,
  chaos: async () => (await import('./cmd-chaos.ts')).chaosCommand,
  replay: async () => (await import('./cmd-replay.ts')).replayCommand,
  explain: async () => (await import('./cmd-explain.ts')).explainCommand,
  campaign: async () => (await import('./cmd-campaign.ts')).campaignCommand,
  merge: async () => (await import('./cmd-merge.ts')).mergeCommand,
  lab: async () => (await import('./cmd-lab.ts')).labCommand,
};

/**
 * Runs the CLI with `argv` (without `node` and the script).
 * @returns the exit code: 0 pass, 1 violation or unmet expect, 2 bad input, 3 internal error.
 */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnEpipe();
  try {
    return await dispatch(argv);
  } catch (e) {
    return failure(e);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' && rest[0] !== undefined ? HELP[rest[0]] : undefined;
    out(topic ?? HELP.kubeprop);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    out(TOOLKIT_VERSION);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) {
    const what = command.startsWith('-') ? 'unknown option' : 'unknown command';
    const known = Object.keys(COMMANDS);
    throw new UsageError(
      `kubeprop: ${what} "${command}"${didYouMean(command, known)} (commands: ${known.join(', ')}; see kubeprop --help)`,
    );
  }
  return (await load())(rest);
}

/** One line on stderr and the exit code for an error that escaped a command. */
function failure(e: unknown): number {
  if (isScenarioError(e)) {
    err(String(e));
    return 2;
  }
  if (e instanceof UsageError) {
    err(e.message);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`kubeprop: internal error: ${message.split('\n')[0]}`);
  // Stack traces are for kubeprop's developers, on request only.
  if (process.env.KUBEPROP_DEBUG && e instanceof Error && e.stack) err(e.stack);
  return 3;
}
