/**
 * A scenario file that names a controller file for a kind (issue #15 item 2):
 * `spec.controllers: {replicaset: ./my-replicaset.ts}`. The path is resolved next to the scenario
 * and must stay inside the scenario's folder, unless the caller names the file (or its folder) in
 * `allowControllerPaths`: a scenario from elsewhere
 * cannot make kubeprop run code of the machine it runs on by itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { RunResult } from '../run/types.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/types.ts';
import { type ControllerFile, takeControllerFiles } from './controllerFileRefs.ts';
import { loadControllerFile } from './load.ts';
import { checkControllerKind, runWithControllers, type UserRunOptions } from './run.ts';
import type { Controller } from './types.ts';

export interface ScenarioFileOptions extends Omit<UserRunOptions, 'controllers'> {
  /** Controller files (or folders holding them) outside the scenario's folder that may run. */
  allowControllerPaths?: readonly string[];
}

export async function runScenarioFile(file: string, options: ScenarioFileOptions = {}): Promise<RunResult> {
  const { scenario, controllers } = await loadScenarioWithControllers(file, options);
  const { allowControllerPaths: _allowed, ...run } = options;
  return runWithControllers(scenario, { ...run, controllers });
}

/** A scenario file and the controllers its spec.controllers names by file, loaded and checked. */
export interface ScenarioWithControllers {
  scenario: Scenario;
  controllers: Record<string, Controller>;
  /** Absolute path of each controller file, by controller name. */
  files: Record<string, string>;
}

/**
 * Parses a scenario that may name controller files, refusing files outside its folder that
 * `allowControllerPaths` does not name, and imports them (which runs the user's code).
 * @throws ScenarioError `file:line:col` naming the field.
 */
export async function loadScenarioWithControllers(
  file: string,
  options: { allowControllerPaths?: readonly string[]; filesRoot?: string } = {},
): Promise<ScenarioWithControllers> {
  const text = readFileSync(file, 'utf8');
  const { text: rest, files } = takeControllerFiles(file, text);
  const controllers: Record<string, Controller> = {};
  const paths: Record<string, string> = {};
  for (const f of files) {
    checkAllowed(file, f, options.allowControllerPaths ?? []);
    try {
      controllers[f.controller] = await loadControllerFile(f.path);
      // Checked here too, so a wrong kind is bad input at its position rather than a failed run.
      checkControllerKind(f.controller, controllers[f.controller]!);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ScenarioError(file, f.line, f.col, `${f.field}: ${why}`, f.field);
    }
    paths[f.controller] = f.path;
  }
  const scenario = parseScenarioText(rest, file, { filesRoot: options.filesRoot ?? dirname(file) });
  return { scenario, controllers, files: paths };
}

function checkAllowed(scenario: string, f: ControllerFile, allowed: readonly string[]): void {
  const inside = (dir: string) => {
    const rel = relative(resolve(dir), f.path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(dirname(scenario)) || allowed.some((a) => resolve(a) === f.path || inside(a))) return;
  throw new ScenarioError(
    scenario,
    f.line,
    f.col,
    `${f.field}: ${f.path} is outside the scenario's folder; it runs only when the caller allows it (allowControllerPaths, or kubeprop run --allow-controller-path)`,
    f.field,
  );
}
