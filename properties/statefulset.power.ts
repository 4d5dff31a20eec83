/**
 * Measures the StatefulSet property suite's power (see power.ts): the runs each mutant's hunt needs
 * to catch it with its claim in CAUGHT_BY, from its FOCUS fault mix (or the swarm generator;
 * SWARM=1 forces the swarm generator, the one the correct-controller property uses); `correct`
 * checks the correct controller against the swarm generator for false alarms.
 *
 *   npx tsx properties/statefulset.power.ts [maxRuns=600] [seeds=20260101,1,2,3,4] [mutant... | correct]
 *   SWARM=1 npx tsx properties/statefulset.power.ts 1000
 */
import { measurePower } from './power.ts';
import { CAUGHT_BY, FOCUS, statefulSetScenarioArb, swarmScenarioArb } from './statefulset.arbitraries.ts';

measurePower(
  {
    caughtBy: CAUGHT_BY,
    arb: (m) => {
      const focus = process.env.SWARM ? undefined : FOCUS[m];
      return focus ? statefulSetScenarioArb(m, focus) : swarmScenarioArb(m);
    },
    correct: [swarmScenarioArb('correct')],
  },
  { maxRuns: 600, seeds: '20260101,1,2,3,4' },
);
