/**
 * The EndpointSlice controller and its mutants: the real controller with one behaviour broken, each a
 * tempting shortcut. The service invariants must catch every one; selectable from tests and scenario
 * files (`spec.controllers.endpointslice`), never by default.
 */
export interface EndpointSliceVariant {
  /** An endpoint's `ready`: the pod's Ready condition and no deletionTimestamp (false: any pod with an IP). */
  readinessFromPod: boolean;
  /** Drop the endpoints of pods that are gone or no longer match (false: they stay for ever). */
  removeStale: boolean;
  /** Rewrite an endpoint whose pod changed (false: an endpoint, once written, keeps its first address). */
  updateAddresses: boolean;
}

export const CORRECT: EndpointSliceVariant = {
  readinessFromPod: true,
  removeStale: true,
  updateAddresses: true,
};

export const ENDPOINTSLICE_VARIANTS: Record<string, { variant: EndpointSliceVariant; description: string }> =
  {
    correct: { variant: CORRECT, description: 'The EndpointSlice controller as Kubernetes implements it.' },
    'ready-ignores-readiness': {
      variant: { ...CORRECT, readinessFromPod: false },
      description:
        'Marks every pod with an IP ready, ignoring its Ready condition and deletionTimestamp: requests reach pods whose readiness probe fails or that are shutting down.',
    },
    'never-removes-endpoints': {
      variant: { ...CORRECT, removeStale: false },
      description:
        'Never drops the endpoint of a pod that was deleted or stopped matching the selector: the slices keep addresses nobody answers on.',
    },
    'keeps-first-address': {
      variant: { ...CORRECT, updateAddresses: false },
      description:
        'Identifies an endpoint with a hostname by its pod name and keeps it while the pod is away: a StatefulSet pod recreated with a new IP gets its old address back in the slice, so web-1.<service> resolves to an address that is no longer web-1.',
    },
  };
