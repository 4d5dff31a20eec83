/**
 * The one pattern of our controller machines: a sync is a recorded path of phases. The host's pure
 * plan (plan.ts, written after the Kubernetes sync function) decides what the sync does next and
 * sends the event that names that move; the machine holds no guards, only the moves a sync may make
 * in Kubernetes' order, and runs each phase's entry action (an API call the host carries out). A
 * move the machine does not list is a host bug, and the host refuses it (base.ts) rather than stall.
 * See docs/architecture.md, "Controller machines", for why this pattern and not guards.
 */

/** One phase of a sync: the action its entry runs and the phases the sync may move to next. */
export interface PhaseSpec<P extends string, A extends string = string> {
  entry?: A;
  next: readonly P[];
}

/** A move whose event names what happened rather than a phase, with the effect the move has. */
export interface OutcomeMove<P extends string, A extends string = string> {
  from: P;
  event: string;
  target: P;
  actions: A;
}

interface MoveConfig<A extends string> {
  target: string;
  reenter: true;
  actions?: A;
}

export interface StateConfig<A extends string> {
  entry?: A;
  on: Record<string, MoveConfig<A>>;
}

/**
 * The xstate `states` of a phase machine: every phase `p` is entered by the event `enters[p]` from
 * the phases that list it as next (re-entering runs the entry action again, e.g. the next batch),
 * plus the outcome moves.
 */
export function phaseStates<P extends string, A extends string>(
  enters: Readonly<Record<P, string>>,
  phases: Readonly<Record<P, PhaseSpec<P, A>>>,
  outcomes: ReadonlyArray<OutcomeMove<P, A>> = [],
): Record<P, StateConfig<A>> {
  const states = {} as Record<P, StateConfig<A>>;
  for (const p of Object.keys(phases) as P[]) {
    const spec = phases[p];
    const on: Record<string, MoveConfig<A>> = {};
    for (const t of spec.next) on[enters[t]] = { target: t, reenter: true };
    for (const o of outcomes) {
      if (o.from === p) on[o.event] = { target: o.target, reenter: true, actions: o.actions };
    }
    states[p] = spec.entry ? { entry: spec.entry, on } : { on };
  }
  return states;
}
