/**
 * Every bad scenario fixture under fixtures/bad with where the error must point and what it must
 * say. Shared by the parser tests and the CLI tests (which add: exit 2, one stderr line, no writes).
 */
export interface BadCase {
  file: string;
  /** `line:col` the error must name. */
  at: string;
  message: RegExp;
}

export const BAD_CASES: readonly BadCase[] = [
  { file: 'malformed-yaml.yaml', at: '5:3', message: /^invalid YAML: Map keys must be unique/ },
  { file: 'unknown-api-version.yaml', at: '1:13', message: /unknown apiVersion "kubeprop\/v2"/ },
  { file: 'unknown-kind.yaml', at: '2:7', message: /unknown kind "Scenari"/ },
  {
    file: 'unknown-manifest-kind.yaml',
    at: '8:13',
    message: /no matches for kind "StatefulSett" in version "apps\/v1"/,
  },
  {
    file: 'unknown-manifest-api-version.yaml',
    at: '7:19',
    message: /no matches for kind "ReplicaSet" in version "apps\/v1beta2"/,
  },
  {
    file: 'unknown-event-kind.yaml',
    at: '7:22',
    message: /unknown event kind "crash-nodes"; did you mean "crash-node"\? \(known: [a-z-, ]*crash-node,/,
  },
  { file: 'missing-metadata.yaml', at: '1:1', message: /missing required field "metadata"/ },
  { file: 'missing-name.yaml', at: '3:11', message: /missing required field "name"/ },
  { file: 'missing-at.yaml', at: '7:7', message: /needs "at:"/ },
  { file: 'missing-event-field.yaml', at: '7:7', message: /^crash-node: .*node.* [Rr]equired/ },
  { file: 'negative-duration.yaml', at: '7:13', message: /must not be negative/ },
  { file: 'non-numeric-duration.yaml', at: '7:13', message: /invalid duration "soon"/ },
  { file: 'unknown-unit-duration.yaml', at: '6:11', message: /unknown unit "d"/ },
  { file: 'absurd-duration.yaml', at: '6:11', message: /longer than 30 days/ },
  { file: 'absurd-node-count.yaml', at: '8:16', message: /count must be at most 20000/ },
  { file: 'duplicate-node-names.yaml', at: '10:15', message: /duplicate node name "node-a"/ },
  {
    file: 'duplicate-template-names.yaml',
    at: '9:9',
    message: /duplicate node name "node-1"; give this template a different namePrefix/,
  },
  { file: 'files-outside.yaml', at: '6:11', message: /outside the scenario's folder/ },
  { file: 'files-absolute.yaml', at: '6:11', message: /outside the scenario's folder/ },
  { file: 'files-missing.yaml', at: '6:11', message: /cannot read "missing.yaml": no such file/ },
  { file: 'negative-seed.yaml', at: '6:9', message: /seed must be at least 0/ },
  { file: 'absurd-chaos-count.yaml', at: '6:19', message: /chaos.count must be at most 10000/ },
  { file: 'chaos-between-reversed.yaml', at: '6:31', message: /the start "5m" is after the end "1m"/ },
  { file: 'chaos-unknown-kind.yaml', at: '6:30', message: /unknown event kind "crash-everything"/ },
  { file: 'unknown-invariant.yaml', at: '6:11', message: /unknown invariant "replicaset.exact-replica"/ },
  { file: 'unknown-expect.yaml', at: '6:24', message: /unknown invariant "nope.nope"/ },
  {
    file: 'unknown-variant.yaml',
    at: '6:30',
    message: /unknown replicaset variant "mutant-x" \(known: correct, no-expectations\)/,
  },
  {
    file: 'sim-range-reversed.yaml',
    at: '6:22',
    message: /sim.podStartMs: the start "3s" is after the end "1s"/,
  },
  { file: 'bad-pod-capacity.yaml', at: '9:22', message: /podCapacity must be at least 1/ },
  { file: 'bad-taint.yaml', at: '9:18', message: /taints\[0\].effect: Unsupported value: "Sometimes"/ },
  { file: 'unknown-spec-field.yaml', at: '6:3', message: /unknown field "seeds" in spec/ },
  {
    file: 'negative-replicas.yaml',
    at: '11:19',
    message: /ReplicaSet "web" is invalid: spec.replicas: Invalid value: -1/,
  },
  { file: 'selector-mismatch.yaml', at: '13:31', message: /`selector` does not match template `labels`/ },
  { file: 'duplicate-objects.yaml', at: '13:25', message: /Pod "a" already exists/ },
  {
    file: 'non-string-description-ko.yaml',
    at: '6:18',
    message: /^metadata\.descriptionKo must be a string, got a list$/,
  },
  {
    file: 'create-object-negative-replicas.yaml',
    at: '14:21',
    message:
      /^create-object: object\.spec\.replicas: .*Invalid value: -3: must be greater than or equal to 0/,
  },
  // Nothing passes vacuously (issue #10): references that can never resolve (unreconciled kinds:
  // test/scenario/references.test.ts, with a build that has no Deployment controller).
  {
    file: 'event-unknown-node.yaml',
    at: '11:40',
    message:
      /^events\[3\]\.node: node-9 is not a node of this scenario \(nodes: node-1, node-2, node-3; add-node events: node-4\)$/,
  },
  {
    file: 'event-unknown-target.yaml',
    at: '20:36',
    message:
      /^events\[1\]\.target: statefulset\/dbx is not an object of this scenario \(objects: statefulset\/db;/,
  },
  {
    file: 'event-unknown-pod.yaml',
    at: '21:37',
    message: /^events\[2\]\.pod: web-5 is not a pod .*web-0\.\.web-4/,
  },
  {
    file: 'event-unknown-pod-owner.yaml',
    at: '18:46',
    message: /^events\[0\]\.pod\.owner: replicaset\/frontnd is not an object of this scenario/,
  },
  {
    file: 'manifest-unknown-field.yaml',
    at: '16:9',
    message:
      /^StatefulSet "db" is invalid: spec\.volumeClaimTemplate: unknown field "volumeClaimTemplate"; did you mean "volumeClaimTemplates"\?$/,
  },
  {
    file: 'manifest-wrong-type.yaml',
    at: '17:15',
    message:
      /^ReplicaSet "web" is invalid: spec\.template\.spec\.containers: Invalid value: \{"web":\{"image":"nginx"\}\}: must be a list$/,
  },
  {
    file: 'manifest-bad-enum.yaml',
    at: '18:34',
    message:
      /^DaemonSet "agent" is invalid: spec\.template\.spec\.containers\[0\]\.imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"$/,
  },
];
