/**
 * The DaemonSet controller and its mutants. Each mutant is the real controller with one behaviour
 * broken, modelled on a real Kubernetes bug; the property suite must catch every one.
 */
import { CORRECT_RULES } from './eligibility.ts';
import type { ManageKnobs } from './plan.ts';
import type { RollingKnobs } from './rolling.ts';

export interface DaemonSetVariant extends ManageKnobs, RollingKnobs {
  /** Give created pods the automatic not-ready/unreachable (and other) tolerations. */
  autoTolerations: boolean;
  /** A restart rebuilds the cache with a consistent LIST (false: keeps the stale cache, kubernetes#54096). */
  relistOnRestart: boolean;
}

export const CORRECT: DaemonSetVariant = {
  rules: CORRECT_RULES,
  placeOnNewNodes: true,
  waitForTerminating: true,
  replaceSucceeded: true,
  failedPodBackoff: true,
  honourMaxUnavailable: true,
  honourMaxSurge: true,
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
  'ignores-max-unavailable': {
    variant: { ...CORRECT, honourMaxUnavailable: false },
    description:
      'RollingUpdate without surge deletes every available old pod at once, whatever maxUnavailable allows.',
  },
  'ignores-max-surge': {
    variant: { ...CORRECT, honourMaxSurge: false },
    description:
      'RollingUpdate with surge creates a new pod beside every old one at once, whatever maxSurge allows.',
  },
  'keeps-succeeded': {
    variant: { ...CORRECT, replaceSucceeded: false },
    description:
      'Replaces only Failed pods: a daemon pod that ends Succeeded (e.g. after a node shutdown) stays, and the node has no running daemon (kubernetes#118716).',
  },
  'no-failed-backoff': {
    variant: { ...CORRECT, failedPodBackoff: false },
    description:
      'Deletes a Failed daemon pod at once every time, with no per-node back-off: a pod the node keeps failing is recreated in a hot loop.',
  },
};
