/** Runs a scenario with an operator written against @kubernetes/client-node (through the adapter). */
import type { Kind } from '../model/types.ts';
import { runScenarioAsync } from '../run/runScenario.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { type Invariant, toInvariantDef } from '../userController/invariant.ts';
import { OperatorHost } from './host.ts';

export interface OperatorOptions {
  /** The controller it replaces (`replicaset`), or a name of its own. */
  name: string;
  /** Its name in traces. */
  actor?: string;
  /** The kind it manages: it runs when the scenario has objects of it. */
  kind: string;
  /** Starts the operator: the code that builds its KubeConfig, API clients and informers. */
  start: () => unknown;
  seed?: number;
  check?: readonly string[];
  invariants?: readonly Invariant[];
}

export async function runOperator(scenario: Scenario, options: OperatorOptions): Promise<RunResult> {
  let host: OperatorHost | undefined;
  const factory = {
    kind: options.kind,
    create: (world: ConstructorParameters<typeof OperatorHost>[0]) => {
      host = new OperatorHost(
        world,
        options.name,
        options.actor ?? `${options.name}-operator`,
        options.kind as Kind,
        options.start,
      );
      return host;
    },
  };
  const input = options.check ? { ...scenario, check: [...options.check] } : scenario;
  return runScenarioAsync(
    input,
    {
      ...(options.seed !== undefined && { seed: options.seed }),
      controllerFactories: { [options.name]: factory },
      extraInvariants: (options.invariants ?? []).map(toInvariantDef),
    },
    async () => {
      if (!host?.dirty) return;
      host.dirty = false;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (host.fatal) throw new Error(host.fatal);
    },
  );
}
