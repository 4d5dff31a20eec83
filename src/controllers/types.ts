/** What the registry knows about each controller: its machine, its variants and how to start it. */
import type { AnyStateMachine } from 'xstate';
import type { ControllerName, WorkloadKind } from '../model/types.ts';
import type { Restartable, World } from '../sim/world.ts';

export type { ControllerName };

/**
 * One visited transition of a controller's state machine (for coverage in reports). Declared here,
 * by the layer that produces it; run/ and report/ read it.
 */
export interface MachineVisit {
  controller: string;
  from: string;
  event: string;
  to: string;
  count: number;
}

/** A running controller, as the runner sees it. */
export interface RunningController extends Restartable {
  start(): void;
  readonly visits: ReadonlyMap<string, MachineVisit>;
}

export interface ControllerEntry {
  name: ControllerName;
  /** The kind it manages: a scenario holding objects of this kind runs the controller. */
  workloadKind: WorkloadKind | 'Service';
  /** The xstate machine, for drawing; the running one is the same machine with actions provided. */
  machine: AnyStateMachine;
  /** `correct` plus the mutants, with one line each. */
  variants: Record<string, { description: string }>;
  create(world: World, variant: string): RunningController;
}
