/**
 * An invariant is a small named claim with an explanation in English and Korean. Safety claims are
 * checked after every step against the API store and the simulated machines (never the caches);
 * liveness claims after the last event, within the settle time, and say why they do not hold yet.
 */
import type { ScenarioContents } from '../chaos/kinds.ts';
import type { World } from '../sim/world.ts';

export type InvariantKind = 'safety' | 'liveness';

/** One violation as a run result keeps it (report.json, design §4). */
export interface Violation {
  atMs: number;
  step: number;
  /** What the checker saw, in English (the trace line; replay digests depend on it). */
  message: string;
  /** The same in Korean, for `--lang ko` reports; absent when the invariant has none yet. */
  messageKo?: string;
  /** Objects involved, as `<kind>/<name>` (kind lower-case), e.g. `pod/web-1`. */
  objects: string[];
}

export interface Explanation {
  en: string;
  ko: string;
}

/** Which concept of the course this invariant belongs to (reports link to it). */
export type Concept = 'replicaset' | 'daemonset' | 'statefulset' | 'ownership' | 'workload' | 'status';

interface InvariantBase {
  id: string;
  kind: InvariantKind;
  concept: Concept;
  /** The claim in one sentence. */
  claim: Explanation;
  /** What it protects and how it can break, for learners (a short paragraph). */
  explain: Explanation;
  /** Does this claim say anything about the scenario (e.g. it has a ReplicaSet)? */
  appliesTo(scenario: ScenarioContents): boolean;
}

/**
 * A violation without the step/time, which the runner fills in.
 *
 * **Every finding is written in English and Korean.** `message` is the English sentence: the
 * trace line, replay files and trace digests are made of it, so it never changes once committed.
 * `messageKo` says the same thing for Korean reports (`--lang ko`), which fall back to `message`
 * when it is absent. The pattern, as in replicaset-no-overshoot.ts:
 *
 * ```ts
 * findings.push({
 *   message: `replicaset/${owner} has ${n} active pods after a create, but the controller saw spec.replicas=${observed}`,
 *   messageKo: `파드 생성 뒤 replicaset/${owner}의 활성 파드가 ${n}개가 되었지만, 컨트롤러가 결정할 때 본 값은 spec.replicas=${observed}이다`,
 *   objects: [`replicaset/${owner}`, ...pods],
 * });
 * ```
 *
 * - Build both texts from the same values, side by side, so they cannot drift apart.
 * - Write Korean for learners as docs/glossary-ko.md says: the plain -다 register of the Korean
 *   Kubernetes docs (`...했다`, `...이다`), one sentence, no final full stop (the report adds it),
 *   and the glossary's terms: 파드, 노드, 레플리카셋, 데몬셋, 스테이트풀셋, 테인트, 레이블, 셀렉터,
 *   안정화 시간 (관리 사무소/가로등/호텔 when an analogy helps). Field names, phases and conditions
 *   stay as written: spec.replicas, ownerReferences, Ready, Running, Pending, PVC.
 *   test/report/glossary-ko.test.ts checks every Korean string against the glossary.
 * - Object names (`pod/web-1`) and numbers are data: do not attach a particle whose form depends
 *   on their last sound (을/를, 이/가, 은/는, 와/과, 으로/로, 이었/였). Use 의, 에, 에서, 이다,
 *   a counter or noun after the value, or `:` / `→` / `=` instead (`pod/web-1의 레이블`,
 *   `파드 3개`, `spec.replicas=2이다`).
 * - A reason built by a helper has a Korean variant too: `notReadyReasons(world, pods, 'ko')`;
 *   `WorkloadChecks.notConverged` (workloads/types.ts) returns an {@link Explanation} `{ en, ko }`
 *   instead of a plain string.
 * - When a part of the sentence has no Korean yet (a plain-string reason), leave `messageKo` out
 *   rather than mixing languages: the Korean report then shows the English sentence.
 * - Add the invariant's id to `BILINGUAL` in test/invariants/messages.test.ts (and, for a kind
 *   whose notConverged now returns `{ en, ko }`, drop it from `englishOnlyReason` there): every
 *   teaching scenario that violates it must then give each violation a Korean message.
 */
export type Finding = Pick<Violation, 'message' | 'messageKo' | 'objects'>;

export interface SafetyInvariant extends InvariantBase {
  kind: 'safety';
  /** Checks the step that just ran; `world.stepWrites` lists what it changed. */
  check(world: World): Finding[];
}

/**
 * Liveness is judged twice: when the settle time after the last event is over (`settled`), and
 * again after a further stability window (`stable`), so "converged and stays there" can be told
 * apart from "passed through the right state". `memo` carries what the first look saw.
 */
export interface LivenessContext {
  phase: 'settled' | 'stable';
  memo: Map<string, unknown>;
  /**
   * Records that the claim holds only because Kubernetes rightly waits (a rollout held at
   * maxUnavailable, an OrderedReady set waiting for an unhealthy pod, a surge nothing wakes): not a
   * violation, never silent. The verdict line and the reports show it, en and ko (same rules as a
   * Finding's message and messageKo). Call it instead of returning a finding for such a wait.
   */
  held(note: Finding): void;
}

export interface LivenessInvariant extends InvariantBase {
  kind: 'liveness';
  /** Checks the settled world; each finding says why the workload has not converged. */
  check(world: World, ctx: LivenessContext): Finding[];
}

export type InvariantDef = SafetyInvariant | LivenessInvariant;
