/**
 * Pattern rules for translating trace lines: each pairs a regular expression over the English line
 * with the Korean text built from its groups. The first rule that matches (and says something) wins.
 */

/** A pattern over the English line and the Korean text for its match (undefined: cannot say it). */
export type Rule = readonly [RegExp, (m: string[]) => string | undefined];

/** The text of the first rule that matches `text` and says something, else undefined. */
export function firstMatch(rules: readonly Rule[], text: string): string | undefined {
  for (const [re, say] of rules) {
    const m = re.exec(text);
    const said = m ? say(m) : undefined;
    if (said !== undefined) return said;
  }
  return undefined;
}
