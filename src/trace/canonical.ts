/**
 * The canonical one-line form of a trace event, what the digest hashes and replay files compare:
 * step, time, kind, actor, code, then the parameters in sorted key order as `key=<JSON value>`.
 * Built from the message, never from its rendered text, so rewording a message keeps digests.
 *
 * Every event of every run passes through here, kept or not, so it avoids per-event work: the
 * sorted keys are cached per message shape (a code, and for nested messages the inner code), and
 * a string is quoted directly unless it holds a character JSON would escape.
 */
import type { Params, ParamValue } from './messages.ts';

const sortedKeys = new Map<string, readonly string[]>();
/** Characters JSON.stringify escapes in a string (surrogates: it escapes lone ones; pairs go the slow way too). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters JSON escapes is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The message shape: the code, with the nested code of a fault effect or a controller decision. */
function shapeOf(code: string, params: Params): string {
  const inner = params.effect ?? params.decision;
  return inner === undefined ? code : `${code}\0${inner}`;
}

function keysOf(code: string, params: Params): readonly string[] {
  const shape = shapeOf(code, params);
  const cached = sortedKeys.get(shape);
  let count = 0;
  for (const _ in params) count++;
  if (cached && cached.length === count && cached.every((k) => k in params)) return cached;
  const keys = Object.keys(params).sort();
  sortedKeys.set(shape, keys);
  return keys;
}

/** `JSON.stringify(v)`, without its cost for the common cases. */
function json(v: ParamValue): string {
  if (typeof v === 'string') return NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return v ? 'true' : 'false';
}

export function canonicalLine(
  step: number,
  atMs: number,
  kind: string,
  actor: string,
  code: string,
  params: Params,
): string {
  let line = `${step} ${atMs} ${kind} ${actor} ${code}`;
  for (const k of keysOf(code, params)) line += ` ${k}=${json(params[k]!)}`;
  return line;
}
