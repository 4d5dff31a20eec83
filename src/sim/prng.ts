/**
 * Named PRNG streams derived from one seed. Each subsystem draws from its own stream, so adding a
 * draw in one subsystem never shifts the choices of another (TigerBeetle's VOPR habit).
 */
import seedrandom from 'seedrandom';

/** A deterministic random source. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

class AleaRng implements Rng {
  private readonly prng: seedrandom.PRNG;
  constructor(seed: string) {
    this.prng = seedrandom.alea(seed);
  }
  next(): number {
    return this.prng.quick();
  }
  int(n: number): number {
    return Math.floor(this.prng.quick() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.prng.quick() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

/** The root of all randomness in one run. */
export class Streams {
  private readonly streams = new Map<string, Rng>();
  constructor(readonly seed: number) {}

  /** The stream with this name, created on first use from `<seed>/<name>`. */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = new AleaRng(`${this.seed}/${name}`);
      this.streams.set(name, rng);
    }
    return rng;
  }
}

/** A stand-alone stream, for generators that run outside a world (campaigns, chaos expansion). */
export function rngFor(seed: number, name: string): Rng {
  return new AleaRng(`${seed}/${name}`);
}
