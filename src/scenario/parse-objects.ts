/**
 * `spec.objects` (inline manifests) and `spec.files` (manifest files next to the scenario, each
 * possibly holding several `---` documents). Errors point into whichever file holds the manifest.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { KObject } from '../model/types.ts';
import { ScenarioError } from './errors.ts';
import { readString, typeName } from './fields.ts';
import { applyDefaults, findDuplicateObject, validateManifest } from './manifests.ts';
import { type Path, parseSources, type SourceDoc, splitField } from './source.ts';

/** Reads a file's text; injectable so tests and tools can parse without touching the disk. */
export type ReadText = (path: string) => string;

interface Located {
  obj: KObject;
  src: SourceDoc;
  path: Path;
}

/** Validates and defaults every manifest (inline first, then files in order); names are unique per kind. */
export function parseObjects(
  src: SourceDoc,
  specPath: Path,
  objects: unknown,
  files: unknown,
  readText: ReadText,
): KObject[] {
  const located: Located[] = [];
  if (objects !== undefined && objects !== null) {
    const at = [...specPath, 'objects'];
    if (!Array.isArray(objects))
      throw src.error(at, `spec.objects must be a list of manifests, got ${typeName(objects)}`);
    objects.forEach((o, i) => {
      located.push({ obj: checkManifest(src, [...at, i], o), src, path: [...at, i] });
    });
  }
  if (files !== undefined && files !== null) {
    const at = [...specPath, 'files'];
    if (!Array.isArray(files))
      throw src.error(at, `spec.files must be a list of paths, got ${typeName(files)}`);
    files.forEach((f, i) => {
      const rel = readString(src, [...at, i], f, 'spec.files entry');
      for (const doc of readManifestFile(src, [...at, i], rel, readText)) {
        located.push({ obj: checkManifest(doc, [], doc.toJS()), src: doc, path: [] });
      }
    });
  }
  const dup = findDuplicateObject(located.map((l) => l.obj));
  if (dup !== null) {
    const l = located[dup.index]!;
    throw l.src.error([...l.path, 'metadata', 'name'], dup.message);
  }
  return located.map((l) => l.obj);
}

function checkManifest(src: SourceDoc, at: Path, obj: unknown): KObject {
  const err = validateManifest(obj, { path: src.file });
  if (err !== null) throw src.error([...at, ...splitField(err.field)], err.message);
  return applyDefaults(obj as Record<string, unknown>);
}

/**
 * Resolves a `files:` entry against the scenario's folder and parses it. Paths that leave the folder
 * (`../x`, absolute paths, symlinks pointing outside) are rejected, so a scenario can only pull in
 * manifests that ship with it.
 */
function readManifestFile(src: SourceDoc, at: Path, rel: string, readText: ReadText): SourceDoc[] {
  const dir = dirname(resolve(src.file));
  const full = resolve(dir, rel);
  if (isAbsolute(rel) || escapes(dir, full)) {
    throw src.error(
      at,
      `files: "${rel}" is outside the scenario's folder; put manifests next to the scenario or below it`,
    );
  }
  let text: string;
  try {
    text = readText(full);
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
  if (escapes(realpathOr(dir), realpathOr(full))) {
    throw src.error(at, `files: "${rel}" resolves (through a symlink) outside the scenario's folder`);
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
