/** The StatefulSet safety invariants, in report order (registered with one line in registry.ts). */
import { statefulsetAtMostOne } from './statefulset-at-most-one.ts';
import { statefulsetOrderedReady } from './statefulset-ordered-ready.ts';
import { statefulsetPartition } from './statefulset-partition.ts';
import { statefulsetReplacesTerminal } from './statefulset-replaces-terminal.ts';
import { statefulsetRevisionHistory } from './statefulset-revision-history.ts';
import { statefulsetRolloutBudget } from './statefulset-rollout-budget.ts';
import { statefulsetStableIdentity } from './statefulset-stable-identity.ts';
import { statefulsetVolumeRetention } from './statefulset-volume-retention.ts';
import type { InvariantDef } from './types.ts';

export const STATEFULSET_INVARIANTS: readonly InvariantDef[] = [
  statefulsetOrderedReady,
  statefulsetAtMostOne,
  statefulsetStableIdentity,
  statefulsetVolumeRetention,
  statefulsetPartition,
  statefulsetRolloutBudget,
  statefulsetReplacesTerminal,
  statefulsetRevisionHistory,
];
