/** Small worlds with the EndpointSlice controller running and bare pods standing in for a workload. */
import { EndpointSliceController } from '../../src/controllers/endpointslice/controller.ts';
import { ENDPOINTSLICE_VARIANTS } from '../../src/controllers/endpointslice/variants.ts';
import type { KObject, NewObject } from '../../src/model/types.ts';
import type { World } from '../../src/sim/world.ts';
import { bare, node, worldWith } from '../sim/helpers.ts';

export function service(name: string, spec: Record<string, unknown> = {}): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

export function appPod(
  name: string,
  app: string,
  nodeName: string,
  extra: Record<string, unknown> = {},
): NewObject {
  const p = bare(name, { nodeName, ...extra });
  return { ...p, metadata: { ...p.metadata, labels: { app } } };
}

export function worldWithSlices(nodes = 2, variant = 'correct', seed = 1): World {
  const w = worldWith(
    Array.from({ length: nodes }, (_, i) => node(`node-${i + 1}`)),
    seed,
  );
  const c = new EndpointSliceController(w, ENDPOINTSLICE_VARIANTS[variant]!.variant);
  w.controllers.set('endpointslice', c);
  c.start();
  return w;
}

export function slicesOf(w: World, svc: string): KObject[] {
  return w.store
    .list('EndpointSlice')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

/** Every endpoint of the Service's slices as `pod ip ready/serving/terminating`, sorted. */
export function endpointLines(w: World, svc: string): string[] {
  return slicesOf(w, svc)
    .flatMap((s) => s.endpoints ?? [])
    .map(
      (e) =>
        `${e.targetRef.name} ${e.addresses[0]} ${e.conditions.ready ? 'R' : '-'}${e.conditions.serving ? 'S' : '-'}${e.conditions.terminating ? 'T' : '-'}`,
    )
    .sort();
}
