/**
 * Which nodes a DaemonSet belongs on (daemon_controller.go `NodeShouldRunDaemonPod`, util
 * `AddOrUpdateDaemonPodTolerations`). Eligibility is computed for the pod the controller would create
 * there: the template plus the automatic tolerations. The node's Ready condition and
 * spec.unschedulable are never read directly — only through the taints they cause.
 */
import { podMatchesNodeSelectorAndAffinity } from '../../model/affinity.ts';
import {
  findUntoleratedTaint,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
} from '../../model/taints.ts';
import type { KObject, Node, Taint, Toleration } from '../../model/types.ts';

/** Where a daemon pod may be: (shouldRun, shouldContinueRunning). */
export interface Eligibility {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

/** How a variant bends the rules (the correct controller uses {@link CORRECT_RULES}). */
export interface EligibilityRules {
  /** Mutant: taints are ignored altogether. */
  ignoreTaints: boolean;
  /** Mutant: an untolerated NoSchedule taint also evicts running daemon pods (kubernetes#53556). */
  noScheduleEvicts: boolean;
}

export const CORRECT_RULES: EligibilityRules = { ignoreTaints: false, noScheduleEvicts: false };

const exists = (key: string, effect: 'NoSchedule' | 'NoExecute'): Toleration => ({
  key,
  operator: 'Exists',
  effect,
});

/**
 * The tolerations every daemon pod gets, without tolerationSeconds (so they never expire): a daemon
 * pod stays on a not-ready or unreachable node (kubernetes#41738) and is placed on cordoned or
 * pressured nodes; network-unavailable only for host-network pods, which need no pod network.
 */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = [
    exists(TAINT_NOT_READY, 'NoExecute'),
    exists(TAINT_UNREACHABLE, 'NoExecute'),
    exists(TAINT_DISK_PRESSURE, 'NoSchedule'),
    exists(TAINT_MEMORY_PRESSURE, 'NoSchedule'),
    exists(TAINT_PID_PRESSURE, 'NoSchedule'),
    exists(TAINT_UNSCHEDULABLE, 'NoSchedule'),
  ];
  if (hostNetwork) t.push(exists(TAINT_NETWORK_UNAVAILABLE, 'NoSchedule'));
  return t;
}

/**
 * The template's tolerations with the automatic ones added (`AddOrUpdateDaemonPodTolerations`): a
 * template toleration equal in key, operator, value and effect is replaced by the automatic one, so
 * a user's `tolerationSeconds` cannot make a daemon pod evictable for not-ready/unreachable.
 */
export function withDaemonTolerations(podSpec: {
  tolerations?: Toleration[];
  hostNetwork?: boolean;
}): Toleration[] {
  const auto = daemonTolerations(!!podSpec.hostNetwork);
  const same = (a: Toleration, b: Toleration) =>
    a.key === b.key && (a.operator ?? 'Equal') === b.operator && !a.value && a.effect === b.effect;
  const own = (podSpec.tolerations ?? []).filter((t) => !auto.some((a) => same(t, a)));
  return [...own, ...auto];
}

/**
 * Memo per (rules, DaemonSet spec object, node object). Objects are immutable, so identity is a
 * version; a status write keeps the spec object, so the memo survives the DaemonSet's own updates.
 */
const memo = new WeakMap<EligibilityRules, WeakMap<object, WeakMap<KObject, Eligibility>>>();

/**
 * `NodeShouldRunDaemonPod`: a template pinned to another node, or a nodeSelector / required node
 * affinity that does not match, rules the node out for good; an untolerated NoSchedule or NoExecute
 * taint forbids new pods, and only an untolerated NoExecute taint ends a running one.
 */
export function nodeShouldRunDaemonPod(
  ds: KObject,
  node: KObject,
  rules: EligibilityRules = CORRECT_RULES,
): Eligibility {
  let bySpec = memo.get(rules);
  if (!bySpec) {
    bySpec = new WeakMap();
    memo.set(rules, bySpec);
  }
  const specKey: object = ds.spec ?? ds;
  let byNode = bySpec.get(specKey);
  if (!byNode) {
    byNode = new WeakMap();
    bySpec.set(specKey, byNode);
  }
  let result = byNode.get(node);
  if (!result) {
    result = compute(ds, node, rules);
    byNode.set(node, result);
  }
  return result;
}

export const NEVER: Eligibility = { shouldRun: false, shouldContinueRunning: false };
const ALWAYS: Eligibility = { shouldRun: true, shouldContinueRunning: true };
const KEEP_ONLY: Eligibility = { shouldRun: false, shouldContinueRunning: true };

function compute(ds: KObject, node: KObject, rules: EligibilityRules): Eligibility {
  const spec = ds.spec?.template?.spec ?? {};
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return NEVER;
  if (!podMatchesNodeSelectorAndAffinity(spec, node as unknown as Node)) return NEVER;
  if (rules.ignoreTaints) return ALWAYS;
  const taints = (node.spec?.taints ?? []) as Taint[];
  if (taints.length === 0) return ALWAYS;
  const tolerations = withDaemonTolerations(spec);
  if (!findUntoleratedTaint(taints, tolerations, ['NoSchedule', 'NoExecute'])) return ALWAYS;
  const effects = rules.noScheduleEvicts ? (['NoSchedule', 'NoExecute'] as const) : (['NoExecute'] as const);
  return findUntoleratedTaint(taints, tolerations, effects) ? NEVER : KEEP_ONLY;
}
