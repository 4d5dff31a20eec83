/**
 * The ReplicaSet controller and its mutants. A mutant is the real controller with one behaviour
 * broken, each modelled on a real bug or a tempting shortcut; the property suites must catch every
 * one. Mutants are selectable from tests and scenario files, never by default.
 */
/** ActivePodsWithRanks as Kubernetes runs it, or with one rung broken (a mutant). */
export type RankingMode =
  | 'kubernetes'
  | 'ignores-deletion-cost'
  | 'ignores-colocation'
  | 'ignores-restarts'
  | 'older-first';

export interface ReplicaSetVariant {
  /** Use ControllerExpectations (false: act on every sync, whatever the cache lags; cf. kubernetes#129795). */
  expectations: boolean;
  /**
   * Lower the expectations of creations a failed slow-start batch skipped (false: they stay
   * expected, so the set waits out the 5-minute expectations timeout before it tries again).
   */
  lowerSkipped: boolean;
  /** Count Failed pods as active, so they are never replaced. */
  countFailedAsActive: boolean;
  /** Count pods being deleted as active, so a pod stuck Terminating (an unreachable node) is never replaced. */
  countTerminatingAsActive: boolean;
  /** Adopt pods that another controller owns. */
  adoptForeign: boolean;
  /**
   * Before adopting, GET the ReplicaSet uncached and give up if it is gone or being deleted
   * (false: trust the cache, which may not show the deletion yet; kubernetes#42639).
   */
  recheckBeforeAdopt: boolean;
  /** Release owned pods whose labels stop matching the selector. */
  releaseUnmatched: boolean;
  /** Which pods go first on scale-down: Kubernetes' ranking, its opposite, or one rung broken. */
  ranking: RankingMode | 'healthiest-first';
  /**
   * When a sync with minReadySeconds looks again at pods that are Ready but not yet available:
   * at the first moment one of them becomes available, whenever ready ≠ available (v1.34+,
   * kubernetes#132121), or only when every replica is Ready (before: kubernetes#108266).
   */
  availabilityCheck: 'next-available' | 'when-all-ready';
  /** Write status on every sync, even when nothing changed (false: only when it differs, as Kubernetes does). */
  writesUnchangedStatus: boolean;
}

export const CORRECT: ReplicaSetVariant = {
  expectations: true,
  lowerSkipped: true,
  countFailedAsActive: false,
  countTerminatingAsActive: false,
  adoptForeign: false,
  recheckBeforeAdopt: true,
  releaseUnmatched: true,
  ranking: 'kubernetes',
  availabilityCheck: 'next-available',
  writesUnchangedStatus: false,
};

export const REPLICASET_VARIANTS: Record<string, { variant: ReplicaSetVariant; description: string }> = {
  correct: { variant: CORRECT, description: 'The ReplicaSet controller as Kubernetes implements it.' },
  'no-expectations': {
    variant: { ...CORRECT, expectations: false },
    description:
      'Ignores expectations: a lagging pod cache makes it create pods twice (cf. kubernetes#129795).',
  },
  'keeps-skipped-expectations': {
    variant: { ...CORRECT, lowerSkipped: false },
    description:
      'After a failed create, does not lower the expectations of the creations it skipped, so the set waits five minutes (the expectations timeout) before it creates the missing pods.',
  },
  'failed-counted-active': {
    variant: { ...CORRECT, countFailedAsActive: true },
    description: 'Counts Failed pods as active, so they are never replaced.',
  },
  'terminating-counted-active': {
    variant: { ...CORRECT, countTerminatingAsActive: true },
    description:
      'Counts pods being deleted as active, so a pod stuck Terminating on an unreachable node is not replaced until the node comes back.',
  },
  'adopts-foreign': {
    variant: { ...CORRECT, adoptForeign: true },
    description: "Adopts pods that another controller owns, replacing that controller's reference.",
  },
  'no-adopt-recheck': {
    variant: { ...CORRECT, recheckBeforeAdopt: false },
    description:
      'Adopts orphans without re-reading the ReplicaSet from the API server, so a set being deleted with --cascade=orphan takes back the pods the garbage collector just released (kubernetes#42639).',
  },
  'no-release': {
    variant: { ...CORRECT, releaseUnmatched: false },
    description: 'Keeps pods whose labels no longer match its selector instead of releasing them.',
  },
  'ignores-ranking': {
    variant: { ...CORRECT, ranking: 'healthiest-first' },
    description: 'Ignores the deletion ranking: deletes Ready pods before NotReady or unscheduled ones.',
  },
  'ignores-deletion-cost': {
    variant: { ...CORRECT, ranking: 'ignores-deletion-cost' },
    description:
      'Ranks victims without the controller.kubernetes.io/pod-deletion-cost annotation, so a pod its owner marked expensive goes before a cheap one.',
  },
  'ignores-colocation': {
    variant: { ...CORRECT, ranking: 'ignores-colocation' },
    description:
      'Ranks victims without counting related pods on the same node, so a pod alone on its node goes before one of a crowded node.',
  },
  'ignores-restarts': {
    variant: { ...CORRECT, ranking: 'ignores-restarts' },
    description: 'Ranks victims without restart counts, so a crash-looping pod survives a calm one.',
  },
  'older-first': {
    variant: { ...CORRECT, ranking: 'older-first' },
    description:
      'Compares ready time and age the wrong way round (a Before/After slip): pods ready longest and oldest go first.',
  },
  'stale-available': {
    variant: { ...CORRECT, availabilityCheck: 'when-all-ready' },
    description:
      'Looks again after minReadySeconds only when every replica is Ready, so availableReplicas stays stale while one is not (kubernetes#108266, fixed in v1.34).',
  },
  'writes-unchanged-status': {
    variant: { ...CORRECT, writesUnchangedStatus: true },
    description:
      'Writes status on every sync without comparing it with the status it holds: needless writes the API server drops.',
  },
};
