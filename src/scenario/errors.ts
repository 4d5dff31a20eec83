/**
 * The one error type users see for bad input. It always names a place (`file:line:col`), so the CLI
 * can print exactly one line and exit 2 instead of a stack trace.
 */

/** A problem in a scenario, manifest or replay file, located at a line and column (1-based). */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    message: string,
    /** The field at fault as a path (`spec.events[2].at`), when the parser knows it. */
    readonly field?: string,
  ) {
    // One line whatever the input held: a key or value quoted from the file may span lines.
    super(message.replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n'));
  }

  /** `file:line:col: message`, the form editors and terminals turn into links. */
  override toString(): string {
    return `${this.file}:${this.line}:${this.col}: ${this.message}`;
  }
}

/** Narrowing helper for catch blocks. */
export function isScenarioError(err: unknown): err is ScenarioError {
  return err instanceof ScenarioError;
}
