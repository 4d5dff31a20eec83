/**
 * Reading a JSON file kubeprop wrote (replay files, campaign summaries), with every problem as one
 * `path:line:col: why` ScenarioError line: what a user who edited or truncated the file needs.
 */
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../scenario/errors.ts';

/** The file's text and parsed value; `what` names the kind of file in the error ("replay file"). */
export function readJsonFile(path: string, what: string): { text: string; data: unknown } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(
      path,
      1,
      1,
      `cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  try {
    return { text, data: JSON.parse(text) };
  } catch (e) {
    const { line, col } = jsonErrorPos(text, e as Error);
    throw new ScenarioError(
      path,
      line,
      col,
      `not a ${what}: invalid JSON (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

/** Position of the first `"key":` in the text (1:1 when absent). */
export function keyPos(text: string, key: string): { line: number; col: number } {
  const at = key === '' ? -1 : text.indexOf(`"${key}"`);
  return offsetPos(text, Math.max(0, at));
}

/** Line and column of a JSON.parse error (1:1 when its message gives no position). */
export function jsonErrorPos(text: string, e: Error): { line: number; col: number } {
  const m = /position (\d+)/.exec(e.message);
  return offsetPos(text, m ? Number(m[1]) : 0);
}

function offsetPos(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
