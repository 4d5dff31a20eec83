/**
 * A user's own invariant: a named check over the API store (never a controller's cache), run beside
 * the built-in ones and shown in the same reports. `always` claims are checked after every step,
 * `settled` claims when the settle time after the last event is over and again after the stability
 * window.
 */
import type { Finding, InvariantDef } from '../invariants/types.ts';
import type { Kind, KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';

/** The read-only view of the API server an invariant judges. */
export interface StoreView {
  readonly now: number;
  get(kind: string, key: string): KObject | undefined;
  /** Objects of a kind, sorted by key. */
  list(kind: string): KObject[];
}

export interface UserFinding {
  /** What is wrong, in English, one sentence. */
  message: string;
  /** The same in Korean, for `--lang ko` reports (optional). */
  messageKo?: string;
  /** Objects involved, `<kind>/<name>` with the kind lower-case (`pod/web-1`). */
  objects?: string[];
}

export interface Invariant {
  /** A dotted id of your own (`database.has-service`); it must not be a built-in id. */
  id: string;
  /** `always` (safety: after every step) or `settled` (liveness: after settle). Default `always`. */
  when?: 'always' | 'settled';
  claim: { en: string; ko?: string };
  explain?: { en: string; ko?: string };
  check(store: StoreView): Array<UserFinding | string>;
}

/** Identity helper that gives an invariant object its type. */
export function defineInvariant(i: Invariant): Invariant {
  return i;
}

/** The checker's form of a user's invariant. */
export function toInvariantDef(inv: Invariant): InvariantDef {
  const claim = { en: inv.claim.en, ko: inv.claim.ko ?? inv.claim.en };
  const explain = inv.explain
    ? { en: inv.explain.en, ko: inv.explain.ko ?? inv.explain.en }
    : { en: claim.en, ko: claim.ko };
  const check = (world: World): Finding[] => inv.check(storeView(world)).map(finding);
  const base = { id: inv.id, concept: 'workload' as const, claim, explain, appliesTo: () => true };
  return inv.when === 'settled' ? { ...base, kind: 'liveness', check } : { ...base, kind: 'safety', check };
}

function finding(f: UserFinding | string): Finding {
  if (typeof f === 'string') return { message: f, objects: [] };
  return {
    message: f.message,
    ...(f.messageKo !== undefined && { messageKo: f.messageKo }),
    objects: f.objects ?? [],
  };
}

function storeView(world: World): StoreView {
  return {
    now: world.now,
    get: (kind, key) => world.store.get(kind as Kind, key),
    list: (kind) => world.store.list(kind as Kind),
  };
}
