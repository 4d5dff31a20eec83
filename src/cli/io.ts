/**
 * Terminal output for the CLI. Everything goes through process.stdout/stderr.write (tests capture
 * those); nothing else in kubeprop prints.
 */

/** One line on stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

let guarded = false;

/**
 * A reader that closes the pipe early (`kubeprop explain x | head -1`) ends kubeprop normally: exit 0,
 * no stack trace, as `head` asked for no more. Without a listener Node throws the EPIPE as an
 * uncaught exception, and exit 1 would mean "violation".
 */
export function endQuietlyOnEpipe(): void {
  if (guarded) return;
  guarded = true;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  };
  // stderr too: `kubeprop run x 2>&1 | head -1` closes both.
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
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
