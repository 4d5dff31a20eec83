/**
 * Template hashes for Deployment ReplicaSet names (`pod-template-hash`) and DaemonSet/StatefulSet
 * ControllerRevision names (`controller-revision-hash`), after Kubernetes `controller.ComputeHash`.
 *
 * Kubernetes hashes Go's deep-print of the PodTemplateSpec; we hash a stable JSON rendering instead.
 * The values therefore differ from a real cluster's, but keep the properties controllers rely on:
 * deterministic, changes when the template changes, and changes with the collision count.
 */

/** Kubernetes `rand` alphabet: no vowels, no look-alike digits. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;
const utf8 = new TextEncoder();

function fnvUpdate(hash: number, bytes: Uint8Array): number {
  for (const b of bytes) hash = Math.imul(hash ^ b, FNV32_PRIME);
  return hash >>> 0;
}

/** FNV-1a, 32 bit, over the UTF-8 bytes of `data`; an unsigned integer. */
export function fnv32a(data: string): number {
  return fnvUpdate(FNV32_OFFSET, utf8.encode(data));
}

/**
 * Kubernetes `rand.SafeEncodeString`: maps each character, by its code point modulo 27, into the
 * safe alphabet, so hashes never spell words and never look like numbers.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/**
 * JSON with object keys sorted (arrays keep their order), so equal objects render equally no matter
 * how they were built. Like JSON.stringify, undefined properties are omitted and become null in arrays.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${stableStringify(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * `ComputeHash(template, collisionCount)`: FNV-32a of the template's stable JSON followed, when the
 * collision count is non-zero, by its 8 little-endian bytes (as Kubernetes writes it), then
 * safe-encoded decimal. A count of 0 hashes like no count, so callers may pass `status.collisionCount ?? 0`.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let hash = fnvUpdate(FNV32_OFFSET, utf8.encode(stableStringify(template)));
  if (collisionCount) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnvUpdate(hash, bytes);
  }
  return safeEncodeString(String(hash));
}
