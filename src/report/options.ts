/** Options shared by the Markdown and HTML reporters, and the replay commands they print. */

import type { KObject } from '../model/types.ts';
import type { RunResult } from '../run/types.ts';
import type { Lang } from './i18n/index.ts';
import type { ReportSources } from './sources.ts';

/** How to render one report. */
export interface RenderOptions {
  lang: Lang;
  /** Machine graphs and invariant texts; missing lookups make the report say what is unavailable. */
  sources?: ReportSources;
  /** Path of the run's `.replay.json` as the user should type it (failing runs). */
  replayFile?: string;
  /**
   * More arguments the run and replay commands need, e.g. `--allow-controller-path P` for a run of
   * controller files (issue #15): a command the reader copies must work as printed.
   */
  commandArgs?: CommandArgs;
}

export interface CommandArgs {
  run?: readonly string[];
  replay?: readonly string[];
}

/** The replay file used when the caller does not say: `<scenario>.replay.json` (next to the report). */
export function defaultReplayFile(result: RunResult): string {
  return `${result.scenario.name}.replay.json`;
}

/** The exact commands to reproduce a run: `run` with its seed, and `replay` for failing runs. */
export function replayCommands(
  result: RunResult,
  replayFile?: string,
  args: CommandArgs = {},
): { run: string; replay?: string; sourceKnown: boolean } {
  const source = result.scenario.source ?? `scenarios/${result.scenario.name}.yaml`;
  const more = (a: readonly string[] | undefined) => (a ?? []).map((w) => ` ${shellQuote(w)}`).join('');
  const run = `npx kubeprop run ${shellQuote(source)} --seed ${result.seed}${more(args.run)}`;
  if (result.outcome === 'pass') return { run, sourceKnown: result.scenario.source !== undefined };
  const replay = `npx kubeprop replay ${shellQuote(replayFile ?? defaultReplayFile(result))}${more(args.replay)}`;
  return { run, replay, sourceKnown: result.scenario.source !== undefined };
}

/** A POSIX shell word: unchanged when plain, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[\w./@:=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A manifest without the fields the API server adds (uid, resourceVersion, ...), for display. */
export function displayManifest(o: KObject): Record<string, unknown> {
  const {
    uid: _u,
    resourceVersion: _r,
    generation: _g,
    creationTimestamp: _c,
    managedFields: _m,
    ...metadata
  } = o.metadata;
  const out: Record<string, unknown> = { apiVersion: o.apiVersion, kind: o.kind, metadata };
  if (o.spec !== undefined) out.spec = o.spec;
  return out;
}
