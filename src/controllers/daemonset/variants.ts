/**
 * The DaemonSet controller and its mutants. Each mutant is the real controller with one behaviour
 * broken, modelled on a real Kubernetes bug; the property suite must catch every one.
 */
import { CORRECT_RULES } from './eligibility.ts';
import type { ManageKnobs } from './plan.ts';

export interface DaemonSetVariant extends ManageKnobs {
  /** Give created pods the automatic not-ready/unreachable (and other) tolerations. */
  autoTolerations: boolean;
  /** A restart rebuilds the cache with a consistent LIST (false: keeps the stale cache, kubernetes#54096). */
  relistOnRestart: boolean;
}

export const CORRECT: DaemonSetVariant = {
  rules: CORRECT_RULES,
  placeOnNewNodes: true,
  waitForTerminating: true,
  autoTolerations: true,
  relistOnRestart: true,
};

export const DAEMONSET_VARIANTS: Record<string, { variant: DaemonSetVariant; description: string }> = {
  correct: { variant: CORRECT, description: 'The DaemonSet controller as Kubernetes implements it.' },
  'ignores-taints': {
    variant: { ...CORRECT, rules: { ignoreTaints: true, noScheduleEvicts: false } },
    description: 'Ignores node taints: puts daemon pods on nodes whose taints they do not tolerate.',
  },
  'initial-nodes-only': {
    variant: { ...CORRECT, placeOnNewNodes: false },
    description:
      'Creates pods only for nodes that existed when the DaemonSet was created, never for nodes that join later.',
  },
  'replaces-terminating': {
    variant: { ...CORRECT, waitForTerminating: false },
    description:
      'Creates a replacement while the old pod is still terminating: two pods on one node (kubernetes#51464).',
  },
  'no-auto-tolerations': {
    variant: { ...CORRECT, autoTolerations: false },
    description:
      'Adds no automatic tolerations: daemon pods are taint-evicted from unreachable nodes (kubernetes#41738).',
  },
  'noschedule-evicts': {
    variant: { ...CORRECT, rules: { ignoreTaints: false, noScheduleEvicts: true } },
    description:
      'Deletes running daemon pods from nodes with a NoSchedule taint; only NoExecute should (kubernetes#53556).',
  },
  'stale-restart': {
    variant: { ...CORRECT, relistOnRestart: false },
    description:
      'After a restart it trusts its stale cache instead of relisting, and creates a second pod on a node (kubernetes#54096).',
  },
};
