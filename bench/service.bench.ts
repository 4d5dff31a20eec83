/**
 * Service benchmark (issue #16): a Service over 10,000 pods on 100 nodes converging from nothing.
 * The pods and the Service are created at once; the run ends when the Service's EndpointSlices list
 * all 10,000 pods ready (100 slices of 100). Wall time, simulated time, steps and slice writes.
 */
import { EndpointSliceController } from '../src/controllers/endpointslice/controller.ts';
import { ENDPOINTSLICE_VARIANTS } from '../src/controllers/endpointslice/variants.ts';
import { DEFAULT_SIM_OPTIONS } from '../src/scenario/types.ts';
import { World } from '../src/sim/world.ts';
import { type BenchResult, round } from './util.ts';

export type { BenchResult };

const PODS = 10_000;
const NODES = 100;

function readyEndpoints(w: World): { slices: number; ready: number } {
  let ready = 0;
  let slices = 0;
  for (const s of w.store.values('EndpointSlice')) {
    slices++;
    for (const e of s.endpoints ?? []) if (e.conditions.ready) ready++;
  }
  return { slices, ready };
}

export function serviceOver10000Pods(): BenchResult[] {
  const w = new World({ seed: 1, sim: { ...DEFAULT_SIM_OPTIONS, keepTrace: false } });
  for (let n = 1; n <= NODES; n++)
    w.addNode({ name: `node-${n}`, labels: {}, taints: [], unschedulable: false, podCapacity: 110 });
  const c = new EndpointSliceController(w, ENDPOINTSLICE_VARIANTS.correct!.variant);
  w.controllers.set('endpointslice', c);
  c.start();
  const t0 = performance.now();
  w.store.create('user', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  });
  for (let i = 0; i < PODS; i++)
    w.store.create('user', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${i}`, labels: { app: 'web' } },
      spec: { nodeName: `node-${(i % NODES) + 1}`, containers: [{ name: 'app', image: 'app:v1' }] },
    });
  let state = readyEndpoints(w);
  let writes = 0;
  while (state.ready < PODS && w.step()) {
    writes += w.stepWrites.filter((x) => x.kind === 'EndpointSlice').length;
    if (w.stepWrites.some((x) => x.kind === 'EndpointSlice')) state = readyEndpoints(w);
  }
  const wall = performance.now() - t0;
  if (state.ready < PODS) throw new Error(`only ${state.ready} of ${PODS} endpoints ready`);
  return [
    {
      name: 'service.10000_pods.converge_wall_ms',
      value: round(wall, 0),
      unit: 'ms',
      detail: `${PODS} pods on ${NODES} nodes and a Service created at once, until ${state.slices} slices list every pod ready; ${w.stepCount} steps, ${writes} slice writes, ${round(w.now / 1000, 1)} simulated s`,
    },
  ];
}

export async function benchService(): Promise<BenchResult[]> {
  return serviceOver10000Pods();
}
