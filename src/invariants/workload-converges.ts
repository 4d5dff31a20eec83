import { scenarioKinds } from '../chaos/kinds.ts';
import {
  appCannotRun,
  appCannotRunNote,
  type StabilityMemo,
  stabilityFinding,
  stabilityMemo,
} from './stability.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { liveObjects } from './util.ts';
import { WORKLOAD_CHECKS } from './workloads/registry.ts';

/**
 * Eventually-stays-reached: once faults stop, each workload reaches its spec within the settle time
 * and stays there through the stability window (no pod is replaced, nothing drifts).
 */
export const workloadConverges: LivenessInvariant = {
  id: 'workload.converges',
  kind: 'liveness',
  concept: 'workload',
  claim: {
    en: 'After settle the workload matches its spec and stays there.',
    ko: '안정화 후 워크로드는 spec과 일치하고 그 상태를 유지한다.',
  },
  explain: {
    en: 'A controller is a loop that keeps comparing what is with what should be. Faults push the world away from the spec; once they stop, the loop must bring it back within the settle time, and then stop changing things: a controller that keeps replacing healthy pods is as broken as one that never acts.',
    ko: '컨트롤러는 현재 상태와 의도한 상태를 계속 비교하는 루프다. 장애는 세계를 spec에서 멀어지게 하지만, 장애가 멈추면 루프는 안정화 시간 안에 다시 spec으로 되돌려야 하고, 그 뒤에는 변경을 멈춰야 한다. 건강한 파드를 계속 교체하는 컨트롤러는 아무것도 하지 않는 컨트롤러만큼 고장 난 것이다.',
  },
  appliesTo: (s) => WORKLOAD_CHECKS.some((c) => scenarioKinds(s).has(c.kind)),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const checks of WORKLOAD_CHECKS) {
      for (const obj of liveObjects(world, checks.kind)) {
        const name = `${checks.kind.toLowerCase()}/${obj.metadata.name}`;
        const why = checks.notConverged(world, obj);
        const print = checks.fingerprint(world, obj);
        // Converged only as far as Kubernetes itself goes (a wait it makes on purpose): say so.
        const held = why ? null : checks.heldByDesign?.(world, obj);
        if (held)
          ctx.held({ message: `${name}: ${held.en}`, messageKo: `${name}: ${held.ko}`, objects: [name] });
        if (why) {
          const settled = ctx.phase === 'settled';
          const when = settled ? 'has not converged within the settle time' : 'did not stay converged';
          const finding: Finding = {
            message: `${name} ${when}: ${typeof why === 'string' ? why : why.en}`,
            objects: [name],
          };
          // A reason without Korean (a plain string) leaves the whole sentence English.
          if (typeof why !== 'string')
            finding.messageKo = settled
              ? `안정화 시간이 지나도 ${name}의 상태가 spec과 다르다: ${why.ko}`
              : `${name}의 상태가 수렴한 뒤 안정 구간 동안 spec에서 다시 벗어났다: ${why.ko}`;
          findings.push(finding);
        } else {
          // Also when the failing pods it ran at convergence were replaced by the window's end.
          const memo = ctx.memo.get(name) as StabilityMemo | undefined;
          if (appCannotRun(world, obj) || memo?.cannotRun) ctx.held(appCannotRunNote(name));
          if (ctx.phase === 'settled') ctx.memo.set(name, stabilityMemo(world, obj, print));
          else if (ctx.memo.has(name)) {
            const f = stabilityFinding(world, obj, name, ctx.memo.get(name) as StabilityMemo, print);
            if (f) findings.push(f);
          }
        }
      }
    }
    return findings;
  },
};
