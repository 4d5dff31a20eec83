/**
 * The smaller parts of a scenario spec: `check`, `expect`, `controllers` (mutant selection) and
 * `sim` (simulator knobs).
 */

import { didYouMean } from '../model/suggest.ts';
import { readBool, readDuration, readIdList, readMap, readRange, readString } from './fields.ts';
import { CONTROLLER_FIELDS, EXPECT_FIELDS, keysOf } from './keys.ts';
import { allInvariants, getControllerVariants, getInvariant } from './registries.ts';
import type { Path, SourceDoc } from './source.ts';
import { type ControllerSelection, DEFAULT_SIM_OPTIONS, type ExpectSpec, type SimOptions } from './types.ts';

/** null when `id` names a registered invariant, else a message listing the known ids. */
export function unknownInvariant(id: string): string | null {
  if (getInvariant(id) !== undefined) return null;
  const known = allInvariants().map((def: { id: string }) => def.id);
  return `unknown invariant "${id}"${didYouMean(id, known)} (known: ${known.join(', ')})`;
}

export function parseCheck(src: SourceDoc, path: Path, v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  return readIdList(src, path, v, 'check', unknownInvariant);
}

export function parseExpect(src: SourceDoc, path: Path, v: unknown): ExpectSpec | undefined {
  if (v === undefined || v === null) return undefined;
  const m = readMap(src, path, v, keysOf(EXPECT_FIELDS), 'spec.expect');
  const holds =
    m.holds == null ? [] : readIdList(src, [...path, 'holds'], m.holds, 'expect.holds', unknownInvariant);
  const violates =
    m.violates == null
      ? []
      : readIdList(src, [...path, 'violates'], m.violates, 'expect.violates', unknownInvariant);
  const both = holds.find((id) => violates.includes(id));
  if (both !== undefined) throw src.error(path, `expect: "${both}" cannot both hold and be violated`);
  return { holds, violates };
}

const CONTROLLERS = keysOf(CONTROLLER_FIELDS) as Array<keyof typeof CONTROLLER_FIELDS>;

/** A value that names a file (`./my-rs.ts`) rather than a variant: users' controllers (issue #15). */
const CONTROLLER_FILE = /^\.{1,2}\/|^\/|\.(m|c)?[jt]s$/;

/** `controllers: {replicaset: no-expectations}`: each variant must be one the registry knows. */
export function parseControllers(src: SourceDoc, path: Path, v: unknown): ControllerSelection {
  if (v === undefined || v === null) return {};
  const m = readMap(src, path, v, CONTROLLERS, 'spec.controllers');
  const out: ControllerSelection = {};
  for (const controller of CONTROLLERS) {
    if (m[controller] === undefined) continue;
    const at = [...path, controller];
    const variant = readString(src, at, m[controller], `controllers.${controller}`);
    const variants = getControllerVariants(controller);
    if (variants === undefined)
      throw src.error(at, `controller "${controller}" is not available in this version of kubeprop`);
    if (!variants.includes(variant) && CONTROLLER_FILE.test(variant))
      throw src.error(
        at,
        `${variant} is a controller file: kubeprop run runs kubeprop's own controllers and their mutants; run a file with runScenarioFile or kubeprop lab (docs/controllers.md)`,
      );
    if (!variants.includes(variant)) {
      throw src.error(
        at,
        `unknown ${controller} variant "${variant}"${didYouMean(variant, variants)} (known: ${variants.join(', ')})`,
      );
    }
    out[controller] = variant;
  }
  return out;
}

const SIM_KEYS = Object.keys(DEFAULT_SIM_OPTIONS) as Array<keyof SimOptions>;

/**
 * `sim:` knobs over DEFAULT_SIM_OPTIONS. Each knob is read by the type of its default (a pair is a
 * `[from, to]` duration range, a number a duration, a boolean a flag), so new knobs need no parser change.
 */
export function parseSim(src: SourceDoc, path: Path, v: unknown): SimOptions {
  const sim = structuredClone(DEFAULT_SIM_OPTIONS) as unknown as Record<string, unknown>;
  if (v === undefined || v === null) return sim as unknown as SimOptions;
  const m = readMap(src, path, v, SIM_KEYS, 'spec.sim');
  for (const key of SIM_KEYS) {
    const value = m[key];
    if (value === undefined) continue;
    const def = sim[key];
    const at = [...path, key];
    const what = `sim.${key}`;
    if (Array.isArray(def)) sim[key] = readRange(src, at, value, what);
    else if (typeof def === 'number') sim[key] = readDuration(src, at, value, what);
    else if (typeof def === 'boolean') sim[key] = readBool(src, at, value, what);
    else sim[key] = value;
  }
  return sim as unknown as SimOptions;
}
