/**
 * The errors the API throws for bad input. Both carry where the problem is, so a caller can show one
 * line or point an editor at it; neither is thrown for a run that merely fails its invariants (that
 * is a result, not an error).
 */
export { isScenarioError, ScenarioError } from '../scenario/errors.ts';

/**
 * A bad option passed to the API (an unknown invariant id, controller, mutant, format, or a path
 * pattern that matches nothing): `option` names it, `message` says what is wrong and what would do.
 */
export class OptionError extends Error {
  override readonly name = 'OptionError';

  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
