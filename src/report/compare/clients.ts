/**
 * How clients reach a workload's Pods (issue #16), for the comparison's "how clients reach it" row:
 * the Services of the scenario whose selector picks the workload's Pod template, whether one is
 * headless (`clusterIP: None`, each Pod its own DNS name) or load-balanced (one ClusterIP), and how
 * many requests each of the workload's Pods answered, read from the trace's `request.answered`
 * lines. Kubernetes semantics stated here: a Service selects Pods by labels, every key of its
 * selector must match.
 */
import type { RunResult } from '../../run/types.ts';
import type { Workload } from './types.ts';

/** What the row says of one workload. */
export interface ClientPath {
  /** A Service selecting this workload's Pods (a headless one first for a StatefulSet), if any. */
  service?: { name: string; headless: boolean };
  /** Requests answered per Pod of the workload, by Pod name, sorted; empty if none were sent. */
  answered: Array<[string, number]>;
}

interface ServiceSpec {
  selector?: Record<string, string>;
  clusterIP?: string;
}

function templateLabels(result: RunResult, w: Workload): Record<string, string> {
  const o = result.scenario.objects.find((x) => x.kind === w.kind && x.metadata.name === w.name);
  const spec = (o?.spec ?? {}) as { template?: { metadata?: { labels?: Record<string, string> } } };
  return spec.template?.metadata?.labels ?? {};
}

/** The Services of the scenario whose selector matches the workload's Pod labels. */
function servicesOf(result: RunResult, w: Workload): Array<{ name: string; headless: boolean }> {
  const labels = templateLabels(result, w);
  const out: Array<{ name: string; headless: boolean }> = [];
  for (const o of result.scenario.objects) {
    if (o.kind !== 'Service' || (o.metadata.namespace ?? 'default') !== w.namespace) continue;
    const spec = (o.spec ?? {}) as ServiceSpec;
    const sel = Object.entries(spec.selector ?? {});
    // A Service without a selector has no endpoints of its own: it reaches no workload's Pods.
    if (sel.length === 0 || !sel.every(([k, v]) => labels[k] === v)) continue;
    out.push({ name: o.metadata.name, headless: spec.clusterIP === 'None' });
  }
  return out;
}

/** The path for one workload; `pods` are the names its Pods ever had. */
export function clientPath(result: RunResult, w: Workload, pods: readonly string[]): ClientPath {
  const services = servicesOf(result, w);
  const wantHeadless = w.kind === 'StatefulSet';
  const service =
    services.find((s) => s.name === w.serviceName) ??
    services.find((s) => s.headless === wantHeadless) ??
    services[0];
  const mine = new Set(pods);
  const counts = new Map<string, number>();
  for (const e of result.events) {
    if (e.code !== 'request.answered' || !mine.has(e.params.pod)) continue;
    counts.set(e.params.pod, (counts.get(e.params.pod) ?? 0) + 1);
  }
  const answered = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return service === undefined ? { answered } : { service, answered };
}
