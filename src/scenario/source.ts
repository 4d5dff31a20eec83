/**
 * A parsed YAML document that remembers where every value came from, so validation can work on
 * plain JS values and still report `file:line:col` for the exact field that is wrong.
 */
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { ScenarioError } from './errors.ts';

/** A path into a document: map keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

/** One YAML document of a file with its line counter. */
export class SourceDoc {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The document as plain JS (aliases resolved). */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  /**
   * Line and column of the value at `path`, or of the deepest existing ancestor when the value is
   * missing (a missing field is reported at the map that should hold it).
   */
  pos(path: Path, key = false): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const found = child(node, path, i);
      if (found === undefined) break;
      node = found.value;
      i += found.consumed - 1;
      const last = i === path.length - 1;
      const start = last && key && found.keyNode !== undefined ? rangeStart(found.keyNode) : rangeStart(node);
      if (start !== undefined) offset = start;
    }
    return this.lines.linePos(offset);
  }

  /** A located error for the value at `path` (`key`: point at the key instead of the value). */
  error(path: Path, message: string, key = false): ScenarioError {
    const { line, col } = this.pos(path, key);
    return new ScenarioError(this.file, line, col, message, fieldPath(path));
  }
}

/** `['spec', 'events', 2, 'at']` → `spec.events[2].at` (undefined for the document itself). */
export function fieldPath(path: Path): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

interface Child {
  value: unknown;
  keyNode?: unknown;
  /** How many path segments this step used (a label key like `app.kubernetes.io/name` spans several). */
  consumed: number;
}

function child(node: unknown, path: Path, i: number): Child | undefined {
  const seg = path[i]!;
  if (isSeq(node) && typeof seg === 'number') {
    const value = node.items[seg];
    return value === undefined ? undefined : { value, consumed: 1 };
  }
  if (!isMap(node)) return undefined;
  // Field paths from validators are dot-joined, so a key that itself contains dots arrives split.
  let name = String(seg);
  for (let j = i; j < path.length; j++) {
    if (j > i) name += `.${String(path[j])}`;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
    if (pair !== undefined) return { value: pair.value ?? pair.key, keyNode: pair.key, consumed: j - i + 1 };
    if (typeof path[j + 1] === 'number') break;
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * Splits a validator field path (`spec.template.spec.containers[0].image`) into segments.
 * Dots inside label keys are re-joined by {@link SourceDoc.pos} when it walks the document.
 */
export function splitField(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function firstError(file: string, doc: Document, lines: LineCounter): ScenarioError | undefined {
  const err = doc.errors[0];
  if (err === undefined) return undefined;
  const { line, col } = lines.linePos(err.pos[0]);
  // Messages from `yaml` read well on their own once the position is stripped (prettyErrors: false).
  return new ScenarioError(file, line, col, `invalid YAML: ${err.message.split('\n')[0]}`);
}

// logLevel 'error': the library would print its warnings (a map key that is a collection, `{[a]: 1}`)
// on stderr as a multi-line Node warning, breaking the one-line contract; the key check reports it.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' } as const;

/** Parses one YAML document; throws a located ScenarioError for malformed YAML. */
export function parseSource(text: string, file: string): SourceDoc {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const err = firstError(file, doc, lines);
  if (err !== undefined) throw err;
  return new SourceDoc(file, doc, lines);
}

/** Parses every `---`-separated document of a manifest file, skipping empty ones. */
export function parseSources(text: string, file: string): SourceDoc[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  if (!Array.isArray(docs))
    throw new ScenarioError(file, 1, 1, 'invalid YAML: unexpected document structure');
  const out: SourceDoc[] = [];
  for (const doc of docs) {
    const err = firstError(file, doc, lines);
    if (err !== undefined) throw err;
    if (doc.contents === null) continue;
    out.push(new SourceDoc(file, doc, lines));
  }
  return out;
}
