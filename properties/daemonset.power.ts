/**
 * Measures the DaemonSet property suite's power (see power.ts): the runs each mutant's hunt needs to
 * catch it with its claim in CAUGHT_BY, per fast-check seed; `correct` looks for false alarms.
 *
 *   npx tsx properties/daemonset.power.ts [maxRuns=1500] [seeds=20261128,1,2,3,4,5] [mutant... | correct]
 */
import { CAUGHT_BY, daemonScenarioArb } from './daemonset.arbitraries.ts';
import { measurePower } from './power.ts';

measurePower(
  { caughtBy: CAUGHT_BY, arb: daemonScenarioArb, correct: [daemonScenarioArb('correct')] },
  { maxRuns: 1500, seeds: '20261128,1,2,3,4,5' },
);
