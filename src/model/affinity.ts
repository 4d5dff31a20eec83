/**
 * Node selection for pods: `spec.nodeSelector`, required node affinity, and the DaemonSet
 * `matchFields metadata.name` term (component-helpers `nodeaffinity`, daemon `util`).
 */
import type {
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodSpec,
} from 'kubernetes-types/core/v1.js';

/** The only field `matchFields` supports (`metav1.ObjectNameField`). */
export const NODE_NAME_FIELD = 'metadata.name';

const INTEGER_RE = /^[+-]?\d+$/;

function parseInteger(s: string): number | undefined {
  if (!INTEGER_RE.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Whether one node-selector requirement holds for a label map. Operators: In, NotIn, Exists,
 * DoesNotExist, Gt, Lt. A requirement Kubernetes would reject (In/NotIn without values, Gt/Lt
 * without exactly one integer, Exists with values, unknown operator) matches nothing.
 * NotIn and DoesNotExist hold when the key is missing; Gt/Lt need an integer label value.
 */
export function nodeSelectorRequirementMatches(
  req: NodeSelectorRequirement,
  labels: Record<string, string> | undefined,
): boolean {
  const values = req.values ?? [];
  const value = labels?.[req.key];
  switch (req.operator) {
    case 'In':
      return values.length > 0 && value !== undefined && values.includes(value);
    case 'NotIn':
      return values.length > 0 && (value === undefined || !values.includes(value));
    case 'Exists':
      return values.length === 0 && value !== undefined;
    case 'DoesNotExist':
      return values.length === 0 && value === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInteger(values[0]!) : undefined;
      const actual = value === undefined ? undefined : parseInteger(value);
      if (bound === undefined || actual === undefined) return false;
      return req.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/** `matchFields`: only `metadata.name` with In/NotIn and exactly one value is valid. */
function fieldRequirementMatches(req: NodeSelectorRequirement, nodeName: string): boolean {
  if (req.key !== NODE_NAME_FIELD || (req.values ?? []).length !== 1) return false;
  if (req.operator !== 'In' && req.operator !== 'NotIn') return false;
  return nodeSelectorRequirementMatches(req, { [NODE_NAME_FIELD]: nodeName });
}

function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // An empty term matches no objects (Kubernetes: "The requirements of them are ANDed ... null or empty term matches no objects").
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels;
  const name = node.metadata?.name ?? '';
  return (
    exprs.every((r) => nodeSelectorRequirementMatches(r, labels)) &&
    fields.every((r) => fieldRequirementMatches(r, name))
  );
}

/**
 * Whether the node satisfies a NodeSelector: terms are ORed; within a term matchExpressions (labels)
 * and matchFields (metadata.name) are ANDed. Undefined means "no requirement" (true); a selector with
 * no terms matches nothing.
 */
export function nodeMatchesNodeSelectorTerms(node: Node, sel: NodeSelector | undefined): boolean {
  if (sel === undefined) return true;
  return (sel.nodeSelectorTerms ?? []).some((term) => termMatches(term, node));
}

/** `spec.nodeSelector` (every pair equal) AND required node affinity, as the scheduler and DaemonSet check. */
export function podMatchesNodeSelectorAndAffinity(podSpec: PodSpec, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(podSpec.nodeSelector ?? {})) {
    if (labels[k] !== v) return false;
  }
  return nodeMatchesNodeSelectorTerms(
    node,
    podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  );
}

/**
 * The node a pod is bound or pinned to (`GetTargetNodeName`): spec.nodeName, else the single value of
 * the first required `matchFields metadata.name In [x]` (how unscheduled DaemonSet pods name their node).
 */
export function targetNodeNameOf(podSpec: PodSpec): string | undefined {
  if (podSpec.nodeName) return podSpec.nodeName;
  const terms =
    podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const req of term.matchFields ?? []) {
      if (req.key === NODE_NAME_FIELD && req.operator === 'In') {
        return req.values?.length === 1 ? req.values[0] : undefined;
      }
    }
  }
  return undefined;
}

/**
 * A copy of the spec pinned to one node, like `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required
 * node selector becomes exactly one term `matchFields metadata.name In [nodeName]`. Existing required
 * terms (including their matchExpressions) are dropped, because the DaemonSet controller has already
 * checked them for this node; preferred terms and pod (anti-)affinity are kept.
 */
export function withNodeNameAffinity(podSpec: PodSpec, nodeName: string): PodSpec {
  const required: NodeSelector = {
    nodeSelectorTerms: [{ matchFields: [{ key: NODE_NAME_FIELD, operator: 'In', values: [nodeName] }] }],
  };
  const affinity = podSpec.affinity ?? {};
  return {
    ...podSpec,
    affinity: {
      ...affinity,
      nodeAffinity: { ...affinity.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required },
    },
  };
}
