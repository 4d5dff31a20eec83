/** Injected API failures ("fail the Nth request"), as Kubernetes' own controller tests do. */
import type { Verb } from './types.ts';

/** Without a named actor, failures hit the workload controllers (not kubelets or the scheduler). */
const WORKLOAD_CONTROLLERS = new Set([
  'replicaset-controller',
  'daemonset-controller',
  'statefulset-controller',
  'deployment-controller',
]);

interface PendingFailure {
  verb: Verb;
  /** Actor the failure applies to (e.g. `replicaset-controller`), or undefined for any workload controller. */
  actor?: string;
  remaining: number;
}

export class ApiFaults {
  private pending: PendingFailure[] = [];

  /** The next `count` writes of `verb` (by `actor`, when given) fail. */
  failNext(verb: Verb, count: number, actor?: string): void {
    this.pending.push(actor === undefined ? { verb, remaining: count } : { verb, actor, remaining: count });
  }

  /** Consumes one matching failure; returns its message, or undefined when the write may proceed. */
  take(verb: Verb, actor: string): string | undefined {
    for (const f of this.pending) {
      if (f.verb !== verb || f.remaining <= 0) continue;
      if (f.actor !== undefined ? actor !== f.actor : !WORKLOAD_CONTROLLERS.has(actor)) continue;
      f.remaining--;
      if (f.remaining === 0) this.pending = this.pending.filter((p) => p.remaining > 0);
      return `injected ${verb} failure`;
    }
    return undefined;
  }
}
