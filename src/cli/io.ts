/**
 * Terminal output for the CLI. Everything goes through process.stdout/stderr.write (tests capture
 * those); nothing else in kubeprop prints.
 */

/** One line on stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** One line on stderr. */
export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Raw text on stderr (progress bars redraw with `\r`). */
export function errRaw(text: string): void {
  process.stderr.write(text);
}

/** Whether stderr is an interactive terminal (progress bars) or a pipe/file (plain lines). */
export function stderrIsTTY(): boolean {
  return process.stderr.isTTY === true;
}
