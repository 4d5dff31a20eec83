/** The invariants kubeprop checks, as `kubeprop explain` lists and explains them. */

import { allInvariants, getInvariant } from '../invariants/registry.ts';
import type { Concept, Explanation, InvariantKind } from '../invariants/types.ts';
import { didYouMean } from '../model/suggest.ts';
import { OptionError } from './errors.ts';

export type { Concept, Explanation, InvariantKind };

/** One invariant: its id (a contract, design.md §5), kind and texts in English and Korean. */
export interface InvariantInfo {
  id: string;
  kind: InvariantKind;
  /** The controller or concept it belongs to. */
  concept: Concept;
  /** The claim in one sentence. */
  claim: Explanation;
  /** What it protects and how it can break, for learners. */
  explain: Explanation;
}

/** Every invariant, in the order `kubeprop explain` lists them. */
export function listInvariants(): InvariantInfo[] {
  return allInvariants().map(info);
}

/**
 * One invariant by id. @throws OptionError for an unknown id (with a "did you mean" when one is close).
 */
export function explainInvariant(id: string): InvariantInfo {
  const def = getInvariant(id);
  if (def === undefined) {
    const known = allInvariants().map((i) => i.id);
    throw new OptionError('invariant', `unknown invariant "${id}"${didYouMean(id, known)}`);
  }
  return info(def);
}

function info(def: {
  id: string;
  kind: InvariantKind;
  concept: Concept;
  claim: Explanation;
  explain: Explanation;
}): InvariantInfo {
  return { id: def.id, kind: def.kind, concept: def.concept, claim: def.claim, explain: def.explain };
}
