/**
 * V8 tuning for a campaign whose worker threads take every core. Each worker is a V8 isolate that
 * compiles the simulator again with the optimising compiler, on background threads: with a core to
 * spare (`--workers 1` on two cores) that compilation is free, but when the workers fill every core
 * it takes CPU from them. A smaller inlining budget per optimised function (200 bytes of bytecode
 * instead of V8's 920) makes that compilation about a third cheaper for code about 5 % slower:
 * on two cores, `--workers 2` finishes a 6,000-run campaign about 15 % sooner, while `--workers 1`
 * would be up to 5 % slower, so it keeps V8's default (bench/workers.bench.ts, 2026-12-07).
 * Process-wide and read at each compilation, so it is set before the workers start.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative';

/** Applies the tuning when `workers` threads leave no core spare; flags given to node itself win. */
export function tuneForWorkers(workers: number, cores = availableParallelism()): boolean {
  if (workers < 2 || workers < cores) return false;
  if (process.execArgv.some((a) => a.startsWith(INLINING_FLAG))) return false;
  setFlagsFromString(`${INLINING_FLAG}=200`);
  return true;
}
