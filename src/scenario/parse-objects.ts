/**
 * `spec.objects` (inline manifests) and `spec.files` (manifest files next to the scenario, each
 * possibly holding several `---` documents). Errors point into whichever file holds the manifest.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { KObject } from '../model/types.ts';
import { ScenarioError } from './errors.ts';
import { readString, typeName } from './fields.ts';
import { applyDefaults, findDuplicateObject, unmodelledReason, validateManifest } from './manifests.ts';
import { type Path, parseSources, type SourceDoc, splitField } from './source.ts';
import type { IgnoredManifest, Scenario } from './types.ts';

/** Reads a file's text; injectable so tests and tools can parse without touching the disk. */
export type ReadText = (path: string) => string;

export interface ObjectsOptions {
  readText: ReadText;
  /**
   * A folder `files:` may point into besides the scenario's own (`--files-root`); paths and
   * symlinks are checked against it. Without it a scenario reads only files below its folder.
   */
  filesRoot?: string;
}

/** What manifests give a scenario: `ignoredManifests` only when some were skipped. */
export type ParsedObjects = Pick<Scenario, 'objects' | 'ignoredManifests'>;

interface Located {
  obj: KObject;
  src: SourceDoc;
  path: Path;
}

/**
 * Validates and defaults every manifest (inline first, then files in order); names are unique per
 * kind. Manifests of kinds kubeprop does not model are skipped and listed in `ignoredManifests`.
 */
export function parseObjects(
  src: SourceDoc,
  specPath: Path,
  objects: unknown,
  files: unknown,
  opts: ObjectsOptions,
): ParsedObjects {
  const located: Located[] = [];
  const ignored: IgnoredManifest[] = [];
  const take = (doc: SourceDoc, at: Path, obj: unknown): void => {
    const skip = skipped(doc, at, obj);
    if (skip !== null) ignored.push(skip);
    else located.push({ obj: checkManifest(doc, at, obj), src: doc, path: at });
  };
  if (objects !== undefined && objects !== null) {
    const at = [...specPath, 'objects'];
    if (!Array.isArray(objects))
      throw src.error(at, `spec.objects must be a list of manifests, got ${typeName(objects)}`);
    objects.forEach((o, i) => {
      take(src, [...at, i], o);
    });
  }
  if (files !== undefined && files !== null) {
    const at = [...specPath, 'files'];
    if (!Array.isArray(files))
      throw src.error(at, `spec.files must be a list of paths, got ${typeName(files)}`);
    files.forEach((f, i) => {
      const rel = readString(src, [...at, i], f, 'spec.files entry');
      for (const doc of readManifestFile(src, [...at, i], rel, opts)) take(doc, [], doc.toJS());
    });
  }
  const dup = findDuplicateObject(located.map((l) => l.obj));
  if (dup !== null) {
    const l = located[dup.index]!;
    throw l.src.error([...l.path, 'metadata', 'name'], dup.message);
  }
  const out: ParsedObjects = { objects: located.map((l) => l.obj) };
  if (ignored.length > 0) out.ignoredManifests = ignored;
  return out;
}

/** The warning `kubeprop run` prints for a skipped manifest, in `file:line:col: warning:` form. */
export function ignoredWarning(m: IgnoredManifest): string {
  const what = m.name === '' ? m.kind : `${m.kind}/${m.name}`;
  return `${m.file}:${m.line}:${m.col}: warning: skipped ${what}: ${m.reason}`;
}

/** The skip record of a manifest whose kind kubeprop does not model, or null. */
function skipped(doc: SourceDoc, at: Path, obj: unknown): IgnoredManifest | null {
  const reason = unmodelledReason(obj);
  if (reason === null) return null;
  const m = obj as { apiVersion: string; kind: string; metadata?: { name?: unknown } };
  const name = typeof m.metadata?.name === 'string' ? m.metadata.name : '';
  const { line, col } = doc.pos(at);
  return { file: doc.file, line, col, apiVersion: m.apiVersion, kind: m.kind, name, reason };
}

function checkManifest(src: SourceDoc, at: Path, obj: unknown): KObject {
  const err = validateManifest(obj, { path: src.file });
  if (err !== null) throw src.error([...at, ...splitField(err.field)], err.message, err.key === true);
  return applyDefaults(obj as Record<string, unknown>);
}

/**
 * Resolves a `files:` entry against the scenario's folder and parses it. Paths that leave the folder
 * (`../x`, absolute paths, symlinks pointing outside) are rejected, so a scenario can only pull in
 * manifests that ship with it, unless the command line grants a wider root (`filesRoot`).
 */
function readManifestFile(src: SourceDoc, at: Path, rel: string, opts: ObjectsOptions): SourceDoc[] {
  const dir = dirname(resolve(src.file));
  const full = resolve(dir, rel);
  const roots = opts.filesRoot === undefined ? [dir] : [dir, resolve(opts.filesRoot)];
  const inside = (real: (p: string) => string) => roots.some((r) => !escapes(real(r), real(full)));
  const where =
    opts.filesRoot === undefined
      ? "the scenario's folder"
      : `the scenario's folder and the files root "${opts.filesRoot}"`;
  if ((opts.filesRoot === undefined && isAbsolute(rel)) || !inside((p) => p)) {
    const fix =
      opts.filesRoot === undefined
        ? 'put manifests next to the scenario or below it, or grant a folder with --files-root'
        : 'put manifests below one of them';
    throw src.error(at, `files: "${rel}" is outside ${where}; ${fix}`);
  }
  let text: string;
  try {
    text = opts.readText(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : String((e as Error).message);
    throw src.error(at, `files: cannot read "${rel}": ${why}`);
  }
  if (!inside(realpathOr)) {
    throw src.error(at, `files: "${rel}" resolves (through a symlink) outside ${where}`);
  }
  const display = relative(process.cwd(), full) || full;
  const docs = parseSources(text, display);
  if (docs.length === 0) throw new ScenarioError(display, 1, 1, 'manifest file holds no documents');
  return docs;
}

function escapes(dir: string, full: string): boolean {
  const r = relative(dir, full);
  return r === '' || r.split(sep)[0] === '..' || isAbsolute(r);
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
