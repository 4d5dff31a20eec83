/**
 * Measures the ReplicaSet property suite's power (see power.ts): the runs each mutant's hunt needs
 * to catch it with its claim in CAUGHT_BY, per fast-check seed; `correct` looks for false alarms in
 * every generator the correct-controller properties use.
 *
 *   npx tsx properties/replicaset.power.ts [maxRuns=600] [seeds=20261128,1,2,3,4,5,6] [mutant... | correct]
 *   npx tsx properties/replicaset.power.ts 1000 1,2 correct
 */
import { measurePower } from './power.ts';
import {
  ARB_FOR,
  adoptionRaceArb,
  CAUGHT_BY,
  failedCreatesArb,
  rankingScenarioArb,
  replicaSetScenarioArb,
  staggeredReadinessArb,
} from './replicaset.arbitraries.ts';

const generators = [
  replicaSetScenarioArb,
  rankingScenarioArb,
  adoptionRaceArb,
  failedCreatesArb,
  staggeredReadinessArb,
];

measurePower(
  {
    caughtBy: CAUGHT_BY,
    arb: (m) => (ARB_FOR[m] ?? replicaSetScenarioArb)(m),
    correct: generators.map((g) => g('correct')),
  },
  { maxRuns: 600, seeds: '20261128,1,2,3,4,5,6' },
);
