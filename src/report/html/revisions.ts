/**
 * Colours of a Deployment's revisions (issue #12): each Pod of a Deployment is marked with the
 * colour of its ReplicaSet's `deployment.kubernetes.io/revision`, in the step view and the nodes ×
 * time picture, so a rollout reads as one colour giving way to the next. The colours are apart from
 * the phase colours (the fill), since the mark is a stripe under the phase.
 */
import type { Frame } from '../cluster.ts';

export const REVISION_COLORS: readonly string[] = [
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#ea580c',
  '#475569',
];

/** The colour of revision `n` (1-based; the palette repeats after six revisions). */
export function revisionColor(n: number): string {
  return REVISION_COLORS[(n - 1) % REVISION_COLORS.length]!;
}

/** Every revision a Pod of the run showed, ascending (empty for runs without a Deployment). */
export function revisionsOf(frames: readonly Frame[]): number[] {
  const seen = new Set<number>();
  for (const f of frames) for (const p of f.pods) if (p.revision !== undefined) seen.add(p.revision);
  return [...seen].sort((a, b) => a - b);
}
