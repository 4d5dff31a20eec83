/**
 * The canonical one-line form of a trace event, what the digest hashes and replay files compare:
 * step, time, kind, actor, code, then the parameters in sorted key order as `key=<JSON value>`.
 * Built from the message, never from its rendered text, so rewording a message keeps digests.
 */
import type { Params } from './messages.ts';

export function canonicalLine(
  step: number,
  atMs: number,
  kind: string,
  actor: string,
  code: string,
  params: Params,
): string {
  let line = `${step} ${atMs} ${kind} ${actor} ${code}`;
  for (const k of Object.keys(params).sort()) line += ` ${k}=${JSON.stringify(params[k])}`;
  return line;
}
