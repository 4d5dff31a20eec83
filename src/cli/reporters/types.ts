/** What CI reporters are given: every scenario `kubeprop run` ran, with its verdict. */
import type { RunResult } from '../../run/types.ts';
import type { Verdict } from '../verdict.ts';

/** One scenario's run as the reporters see it. */
export interface ScenarioOutcome {
  /** The scenario file as named on the command line (or found by a folder or glob). */
  file: string;
  result: RunResult;
  verdict: Verdict;
  wallMs: number;
  /** For a failing run: its replay file and the command that replays it. */
  replay?: { file: string; command: string };
}

export type ReporterName = 'junit' | 'json' | 'github';
export const REPORTERS: readonly ReporterName[] = ['junit', 'json', 'github'];

/** Renders the whole run (all scenarios and the exit code) as one text. */
export type Reporter = (outcomes: readonly ScenarioOutcome[], exitCode: number) => string;
