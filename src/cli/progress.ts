/**
 * Progress for long campaigns: a redrawn bar on a terminal, a plain line every tenth of the way
 * (and for every failure) when stderr is a pipe or a file, so CI logs stay short and readable.
 */
import { err, errRaw, stderrIsTTY } from './io.ts';

const WIDTH = 30;

export class Progress {
  private readonly tty = stderrIsTTY();
  private lastPlain = 0;

  constructor(private readonly total: number) {}

  /** Records that `done` runs have finished; `failures` so far. */
  update(done: number, failures: number): void {
    if (this.tty) {
      const filled = Math.round((done / this.total) * WIDTH);
      errRaw(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${this.total}  failures: ${failures}`,
      );
      return;
    }
    const step = Math.max(1, Math.ceil(this.total / 10));
    if (done === this.total || done - this.lastPlain >= step) {
      this.lastPlain = done;
      err(`progress: ${done}/${this.total} runs, ${failures} failing`);
    }
  }

  /** A line that must not be overwritten by the bar (a failing run). */
  note(line: string): void {
    if (this.tty) errRaw('\r\x1b[K');
    err(line);
  }

  /** Ends the bar's line. */
  done(): void {
    if (this.tty) errRaw('\n');
  }
}
