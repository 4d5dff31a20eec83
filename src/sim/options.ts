/**
 * The world's knobs and the shape of a node it creates. Declared by the simulator, which reads them;
 * a scenario fills them in (`spec.cluster.nodes`, `spec.sim`) and scenario/types.ts re-exports them.
 */
import type { Taint } from '../model/types.ts';

/** One node of the initial cluster, after `count:` templates are expanded. */
export interface NodeSpec {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  podCapacity: number;
}

/** Simulator knobs with defaults; a scenario may set them under `spec.sim`. */
export interface SimOptions {
  /** Informer delivery delay range per controller, ms. */
  informerLagMs: [number, number];
  /** Latency of one API round trip, ms. */
  apiLatencyMs: [number, number];
  /** Kubelet container start delay range, ms. */
  podStartMs: [number, number];
  /** Extra time after settle during which liveness must keep holding (the "stays there" of ESR). */
  stabilityMs: number;
  /** Keep one formatted line per trace event (reports and replays need them; huge benches do not). */
  keepTrace: boolean;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  informerLagMs: [2, 40],
  apiLatencyMs: [1, 8],
  podStartMs: [500, 3000],
  stabilityMs: 60_000,
  keepTrace: true,
};
