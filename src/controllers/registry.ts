/**
 * The controllers kubeprop runs. This list is the only wiring point: adding a controller means one
 * new folder and one line here.
 */
import { daemonSetController } from './daemonset/index.ts';
import { deploymentController } from './deployment/index.ts';
import { endpointSliceController } from './endpointslice/index.ts';
import { replicaSetController } from './replicaset/index.ts';
import { statefulSetController } from './statefulset/index.ts';
import type { ControllerEntry } from './types.ts';

export const CONTROLLERS: readonly ControllerEntry[] = [
  replicaSetController,
  daemonSetController,
  statefulSetController,
  deploymentController,
  endpointSliceController,
];

export function getController(name: string): ControllerEntry | undefined {
  return CONTROLLERS.find((c) => c.name === name);
}

/** The variant names of a controller (`correct` first), or undefined for an unknown controller. */
export function getControllerVariants(name: string): string[] | undefined {
  const c = getController(name);
  if (!c) return undefined;
  return [
    'correct',
    ...Object.keys(c.variants)
      .filter((v) => v !== 'correct')
      .sort(),
  ];
}

export interface MachineGraph {
  states: string[];
  initial: string;
  transitions: Array<{ from: string; event: string; to: string; guard?: string }>;
}

/** The states and transitions of a controller's machine, read from its xstate definition. */
export function machineGraph(name: string): MachineGraph | undefined {
  const c = getController(name);
  if (!c) return undefined;
  const root = c.machine.root;
  const states = Object.keys(root.states);
  const transitions: MachineGraph['transitions'] = [];
  for (const from of states) {
    const node = root.states[from]!;
    for (const [event, list] of node.transitions) {
      for (const t of list) {
        for (const target of t.target ?? [node]) {
          const guard =
            typeof t.guard === 'string' ? t.guard : (t.guard as { type?: string } | undefined)?.type;
          transitions.push(guard ? { from, event, to: target.key, guard } : { from, event, to: target.key });
        }
      }
    }
  }
  return { states, initial: String(root.config.initial ?? states[0]), transitions };
}
