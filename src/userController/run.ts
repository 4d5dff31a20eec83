/**
 * Runs a scenario with users' controllers and invariants (issue #15). The world steps as always;
 * after each step the promises the step settled are drained (one macrotask turn: Node runs every
 * queued microtask first), so an async reconcile resumes before the clock moves and a run depends
 * only on its seed.
 */
import { getController } from '../controllers/registry.ts';
import { getInvariant } from '../invariants/registry.ts';
import type { NewObject } from '../model/types.ts';
import { type ControllerFactory, runScenarioAsync } from '../run/runScenario.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { UserControllerHost } from './host.ts';
import { type Invariant, toInvariantDef } from './invariant.ts';
import type { Controller, ObjectInput } from './types.ts';

export interface UserRunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /**
   * Controllers by name: a built-in name (`replicaset`) replaces that controller; another name runs
   * beside them when the scenario holds objects of the controller's kind.
   */
  controllers?: Readonly<Record<string, Controller>>;
  invariants?: readonly Invariant[];
  /**
   * More objects created at the start, after the scenario's own: custom resources (any apiVersion
   * and kind, e.g. a `Database`), which a scenario file cannot declare yet.
   */
  objects?: readonly ObjectInput[];
  /** Invariant ids to check (built-in and user); default all that apply. */
  check?: readonly string[];
  keepTrace?: boolean;
  /** Stop at the first violation of one of these. */
  stopOnViolationOf?: readonly string[];
}

export async function runWithControllers(
  scenario: Scenario,
  options: UserRunOptions = {},
): Promise<RunResult> {
  const hosts: UserControllerHost[] = [];
  const factories: Record<string, ControllerFactory> = {};
  for (const [name, controller] of Object.entries(options.controllers ?? {})) {
    checkControllerKind(name, controller);
    factories[name] = {
      kind: controller.kind,
      watches: controller.watches ?? [],
      create: (world) => {
        const host = new UserControllerHost(world, name, controller);
        hosts.push(host);
        return host;
      },
    };
  }
  const extraInvariants = (options.invariants ?? []).map((inv) => {
    if (getInvariant(inv.id)) throw new Error(`invariant id "${inv.id}" is a built-in one; choose your own`);
    return toInvariantDef(inv);
  });
  const input = options.check ? { ...scenario, check: [...options.check] } : scenario;
  return runScenarioAsync(
    input,
    {
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.keepTrace !== undefined && { keepTrace: options.keepTrace }),
      ...(options.stopOnViolationOf && { stopOnViolationOf: options.stopOnViolationOf }),
      controllerFactories: factories,
      ...(options.objects && { extraObjects: options.objects as readonly NewObject[] }),
      extraInvariants,
    },
    () => drain(hosts),
  );
}

/** A controller replacing a built-in one manages the same kind. */
export function checkControllerKind(name: string, controller: Controller): void {
  const builtIn = getController(name);
  if (builtIn && builtIn.workloadKind !== controller.kind)
    throw new Error(
      `controller "${name}" replaces the built-in one, which manages ${builtIn.workloadKind}, but it manages ${controller.kind}`,
    );
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets every promise the last step settled run on; a controller stuck outside the simulation ends the run. */
async function drain(hosts: readonly UserControllerHost[]): Promise<void> {
  if (!hosts.some((h) => h.dirty)) return;
  for (const h of hosts) h.dirty = false;
  await turn();
  for (const h of hosts) {
    const stuck = h.stuck();
    if (stuck) throw new Error(stuck);
  }
}
