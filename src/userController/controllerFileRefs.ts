/**
 * Finds the controller files a scenario's spec.controllers names (issue #15 item 2), with their
 * positions. Only YAML, no simulator: `kubeprop run` asks this of every scenario it loads.
 */
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** A value of spec.controllers that names a file rather than a mutant. */
const FILE = /^\.{1,2}\/|^\/|\.(m|c)?[jt]s$/;

/** Text that might hold such a value: a script extension, a relative or an absolute path. */
const MAYBE_FILE = /\.(m|c)?[jt]s\b|\.{1,2}\/|:\s*['"]?\//;

/**
 * Whether a scenario's text names a controller file in spec.controllers. The text tests first keep
 * most scenarios (no `controllers:`, or mutants only) from being parsed twice.
 */
export function namesControllerFile(file: string, text: string): boolean {
  if (!text.includes('controllers') || !MAYBE_FILE.test(text)) return false;
  try {
    return takeControllerFiles(file, text).files.length > 0;
  } catch {
    return false; // invalid YAML: the ordinary parser reports it with its position
  }
}

export interface ControllerFile {
  controller: string;
  path: string;
  line: number;
  col: number;
  field: string;
}

/**
 * Finds the file-valued entries of spec.controllers and puts `correct` in their place, padded to
 * the same length, so the rest of the file parses as before and keeps its positions for errors.
 */
export function takeControllerFiles(file: string, text: string): { text: string; files: ControllerFile[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const node = doc.getIn(['spec', 'controllers'], true);
  const files: ControllerFile[] = [];
  let out = text;
  if (!isMap(node)) return { text, files };
  for (const pair of node.items) {
    const value = pair.value;
    if (!isScalar(pair.key) || !isScalar(value) || typeof value.value !== 'string' || !FILE.test(value.value))
      continue;
    const [start, end] = value.range ?? [0, 0];
    const pos = counter.linePos(start);
    const controller = String(pair.key.value);
    files.push({
      controller,
      path: resolve(dirname(file), value.value),
      line: pos.line,
      col: pos.col,
      field: `spec.controllers.${controller}`,
    });
    out = out.slice(0, start) + 'correct'.padEnd(end - start, ' ') + out.slice(end);
  }
  return { text: out, files };
}
