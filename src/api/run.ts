/**
 * Running scenarios from code: the same `runScenario` the CLI, the tests and replays use, with the
 * options `kubeprop run` has plus the choices a scenario file makes (mutant controllers, the
 * invariants to check), validated the same way.
 */

import { EXIT_CODE, judge, type Verdict } from '../cli/verdict.ts';
import { getControllerVariants } from '../controllers/registry.ts';
import { allInvariants, getInvariant } from '../invariants/registry.ts';
import { didYouMean } from '../model/suggest.ts';
import { runScenario as runParsed } from '../run/runScenario.ts';
import type { RunResult } from '../run/types.ts';
import type { ControllerSelection, Scenario } from '../scenario/types.ts';
import { OptionError } from './errors.ts';
import { type LoadOptions, loadScenario, type ScenarioDocument } from './scenario.ts';

export type { Verdict };

export interface RunScenarioOptions extends LoadOptions {
  /** Overrides the scenario's `spec.seed` (0 to 4294967295). */
  seed?: number;
  /**
   * Which implementation a controller runs, merged over the scenario's `spec.controllers`:
   * `{ replicaset: 'no-expectations' }` runs that mutant (`correct` is the real controller).
   */
  controllers?: ControllerSelection;
  /** Invariant ids to check (replaces `spec.check`); default: every invariant that applies. */
  check?: readonly string[];
  /** Keep one line per trace event (reports and replay files need them; default true). */
  keepTrace?: boolean;
}

/**
 * Runs a scenario (a parsed {@link Scenario}, a path to a YAML file or a scenario document) and
 * returns its result: every invariant's status with its violations, the trace, the final state.
 * A violation is a result, not an exception; see {@link verdictOf}.
 * @throws ScenarioError for an invalid scenario, OptionError for an unknown invariant, controller or mutant.
 */
export function runScenario(
  input: Scenario | string | ScenarioDocument,
  options: RunScenarioOptions = {},
): RunResult {
  const scenario = withOptions(isScenario(input) ? input : loadScenario(input, options), options);
  const runOpts = {
    ...(options.seed !== undefined && { seed: checkSeed(options.seed) }),
    ...(options.keepTrace !== undefined && { keepTrace: options.keepTrace }),
  };
  return runParsed(scenario, runOpts);
}

/** A parsed scenario, as opposed to a document still to validate (which has `apiVersion`). */
function isScenario(input: Scenario | string | ScenarioDocument): input is Scenario {
  return typeof input === 'object' && !('apiVersion' in input) && Array.isArray(input.events);
}

function withOptions(scenario: Scenario, options: RunScenarioOptions): Scenario {
  let out = scenario;
  if (options.controllers !== undefined)
    out = { ...out, controllers: { ...out.controllers, ...checkControllers(options.controllers) } };
  if (options.check !== undefined) out = { ...out, check: checkInvariantIds(options.check) };
  return out;
}

function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new OptionError('seed', `seed must be an integer from 0 to 4294967295, got ${seed}`);
  return seed;
}

/** Each controller named must exist and each variant be one of its own. */
export function checkControllers(selection: ControllerSelection): ControllerSelection {
  for (const [controller, variant] of Object.entries(selection)) {
    if (variant === undefined) continue;
    const variants = getControllerVariants(controller);
    if (variants === undefined) throw new OptionError('controllers', `unknown controller "${controller}"`);
    if (!variants.includes(variant))
      throw new OptionError(
        'controllers',
        `unknown ${controller} variant "${variant}"${didYouMean(variant, variants)} (known: ${variants.join(', ')})`,
      );
  }
  return selection;
}

/** Every id must name an invariant. */
export function checkInvariantIds(ids: readonly string[]): string[] {
  for (const id of ids) {
    if (getInvariant(id) === undefined)
      throw new OptionError('check', `unknown invariant "${id}"${didYouMean(id, knownIds())}`);
  }
  return [...ids];
}

function knownIds(): string[] {
  return allInvariants().map((i) => i.id);
}

/**
 * `pass` (every checked invariant held, `expect` met, something was checked), `fail` or `error`:
 * the verdict `kubeprop run` prints.
 */
export function verdictOf(result: RunResult): Verdict {
  return judge(result);
}

/** The exit code `kubeprop run` gives this result: 0 pass, 1 fail, 3 internal error. */
export function exitCodeOf(result: RunResult): number {
  return EXIT_CODE[judge(result)];
}
