/** "Did you mean …?" for a misspelled name among known ones (kubectl-style typo help). */
import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to `word` when it is close enough to be a likely typo (two edits, or a
 * third of its letters in a long word, case ignored); undefined otherwise, so unrelated words get
 * no odd guess.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(w, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= maxTypos(w.length) ? best : undefined;
}

/** Two slips (a swap of neighbours counts as two) in a short word, a third of a long one. */
function maxTypos(length: number): number {
  return length <= 2 ? 1 : Math.max(2, Math.floor(length / 3));
}

/** `; did you mean "x"?` or '' — appended right after the quoted unknown name. */
export function didYouMean(word: string, known: readonly string[]): string {
  const c = closest(word, known);
  return c === undefined ? '' : `; did you mean "${c}"?`;
}
