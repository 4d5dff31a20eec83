/**
 * A run in which no invariant applied checked nothing, so it must not read as a PASS (design §5
 * "Verdicts", issue #10). This says why, en and ko; the verdict turns it into exit 1. The outcome
 * stays "pass" (no invariant was violated, design §4's meaning of the field), as it does for a
 * run whose `expect` was not met: the verdict, not the outcome, decides the exit code.
 */
import { scenarioKinds } from '../chaos/kinds.ts';
import type { Scenario } from '../scenario/types.ts';
import type { InvariantResult } from './types.ts';

/** Why nothing was checked, or undefined when at least one invariant was judged. */
export function nothingChecked(
  scenario: Scenario,
  invariants: readonly InvariantResult[],
): { en: string; ko: string } | undefined {
  if (invariants.some((i) => i.status !== 'not-applicable')) return undefined;
  if (scenario.check !== undefined) {
    const ids = scenario.check.join(', ');
    return {
      en: `check: names only invariants that do not apply to this scenario (${ids})`,
      ko: `check:에 이 시나리오에 해당하지 않는 불변 조건만 있다 (${ids})`,
    };
  }
  const kinds = [...scenarioKinds(scenario)].sort();
  if (kinds.length === 0) {
    return {
      en: 'the scenario has no objects; add a ReplicaSet, DaemonSet or StatefulSet',
      ko: '시나리오에 오브젝트가 없다. 레플리카셋, 데몬셋, 스테이트풀셋 중 하나를 추가해야 한다',
    };
  }
  const list = kinds.join(', ');
  return {
    en: `no workload to judge (only ${list}); the invariants are about ReplicaSets, DaemonSets and StatefulSets`,
    ko: `판단할 워크로드가 없다 (${list}만 있음). 불변 조건은 레플리카셋, 데몬셋, 스테이트풀셋에 대한 것이다`,
  };
}
