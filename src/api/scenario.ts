/**
 * Loading scenarios: from a file, from YAML text or from a plain object, with exactly the
 * validation `kubeprop run` applies (design.md §2). Every problem is a {@link ScenarioError} with
 * `file`, `line`, `col` and, where known, `field`.
 */
import { stringify } from 'yaml';
import { loadScenarioFile, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/types.ts';

/** A scenario as the YAML file would hold it (`apiVersion: kubeprop/v1`, `kind: Scenario`, …). */
export type ScenarioDocument = Record<string, unknown>;

export interface LoadOptions {
  /** A folder `spec.files` may also read manifests from (`--files-root`); by default only the scenario's own. */
  filesRoot?: string;
  /**
   * The name errors give a scenario passed as an object or text (default `<object>` / `<text>`);
   * relative `spec.files` are read from its folder.
   */
  file?: string;
}

/**
 * Loads and validates a scenario: `input` is a path to a YAML file or the scenario document as an
 * object. An object is validated as the YAML it serialises to, so `line` and `col` of an error refer
 * to that rendering; `field` (`spec.events[0].at`) names the place in the object.
 * @throws ScenarioError for anything `kubeprop run` would refuse (exit 2 there).
 */
export function loadScenario(input: string | ScenarioDocument, options: LoadOptions = {}): Scenario {
  const parseOpts = options.filesRoot === undefined ? {} : { filesRoot: options.filesRoot };
  if (typeof input === 'string') return loadScenarioFile(input, parseOpts);
  return parseScenarioText(stringify(input), options.file ?? '<object>', parseOpts);
}

/** Parses scenario YAML text (the contents of a scenario file); `options.file` names it in errors. */
export function parseScenario(text: string, options: LoadOptions = {}): Scenario {
  const parseOpts = options.filesRoot === undefined ? {} : { filesRoot: options.filesRoot };
  return parseScenarioText(text, options.file ?? '<text>', parseOpts);
}
