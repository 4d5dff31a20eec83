/**
 * Kubernetes' own controller tests, ported as data. A case names its source (file, test function,
 * case name) and the stored version it was read at; its inputs and expected outputs are facts
 * carried over from that test, the checking code is ours. A case kubeprop answers differently on
 * purpose carries `deviation` (the reason, also written in CONFORMANCE.md) and then asserts
 * kubeprop's own answer, so the deviation cannot drift silently either.
 */
import { expect, it } from 'vitest';

export type Controller =
  | 'controller_utils'
  | 'ReplicaSet'
  | 'DaemonSet'
  | 'StatefulSet'
  | 'Deployment'
  | 'EndpointSlice';

/** One Kubernetes test file, at the version we read it. */
export interface Source {
  controller: Controller;
  /** Path in kubernetes/kubernetes. */
  file: string;
  /** The stored version read: a commit hash, or a description where the store gave none. */
  version: string;
}

export interface PortedCase {
  source: Source;
  /** The Go test function, e.g. `TestSortingActivePodsWithRanks`. */
  func: string;
  /** The case name in the table (or a short name of the assertion for straight-line tests). */
  name: string;
  /** Why kubeprop answers differently on purpose; the case then checks kubeprop's answer. */
  deviation?: string;
  run: () => void;
}

/** `<file> <TestFunc>/<case name>`, the title a case runs under. */
export function title(c: PortedCase): string {
  const base = c.source.file.split('/').pop();
  return `${base} ${c.func}/${c.name}${c.deviation ? ' (deviation)' : ''}`;
}

/** Registers every case as a vitest test. */
export function runCases(cases: readonly PortedCase[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    const t = title(c);
    if (seen.has(t)) throw new Error(`duplicate conformance case title: ${t}`);
    seen.add(t);
    it(t, () => {
      if (c.deviation) expect(c.deviation.length).toBeGreaterThan(10);
      c.run();
    });
  }
}
