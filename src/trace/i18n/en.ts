/**
 * English trace messages (ICU MessageFormat, rendered by intl-messageformat). The English text of
 * every trace event comes from here; the digest does not (canonical.ts), so these can be reworded.
 * Object references keep the `<kind>/<name>` form the rest of the toolkit uses.
 */
import type { MessageCatalog } from './catalog.ts';

const TERMINATING = '{terminating, select, true { terminating} other {}}';
const VERB = '{verb}';

export const EN: MessageCatalog = {
  'run.started': 'kubeprop {version} scenario={scenario} seed={seed} events={events}',
  'run.mutant': "{controller} controller runs mutant ''{variant}''",
  'run.error': 'internal error: {error}',

  'api.pod': `${VERB} pod/{pod} node={node} phase={phase} ready={ready}${TERMINATING}`,
  'api.node': `${VERB} node/{node} ready={ready}{unschedulable, select, true { unschedulable} other {}} taints={taints}`,
  'api.workload': `${VERB} {ref} replicas={replicas} ready={ready}${TERMINATING}`,
  'api.pvc': `${VERB} persistentvolumeclaim/{pvc} phase={phase} volume={volume}${TERMINATING}`,
  'api.object': `${VERB} {ref}${TERMINATING}`,
  'api.removed': 'delete {ref}',
  'api.rejected': '{verb} {ref} failed: {reason}: {message}',

  'kubelet.waiting':
    'waiting to start pod/{pod}: persistentvolumeclaim "{claim}" {wait, select, missing {not found} deleting {is being deleted} other {is not bound yet}}',
  'kubelet.rejected': 'rejected pod/{pod}: {message}',
  'kubelet.shutdown': 'pod/{pod} {phase}: node shutdown',
  'kubelet.started': 'started pod/{pod} (restarts {restarts})',
  'kubelet.exited':
    'container of pod/{pod} exited{exitZero, select, true { with code 0} other {}}; restart in {restartSeconds}s',
  'kubelet.finished': 'pod/{pod} {phase}',
  'kubelet.stopped': 'stopped pod/{pod}',
  'kubelet.killed': 'killed pod/{pod}: pod object is gone',
  'kubelet.power-lost': 'stopped pod/{pod}: power loss',
  'node.evicting': 'evicting pod/{pod}: node {node} has NoExecute taints',

  'controller.restarted': 'process restarted: work queue and expectations lost',
  'controller.transition': '{from} → {to} on {event}',
  'controller.decision': '{from} → {to} on {event}: {detail}',

  'sync.key': '{key}',
  'sync.gone': '{key} is gone',
  'sync.deleting': '{key} is being deleted',
  'sync.empty-selector': '{key}: empty selector selects no pods',
  'sync.nothing': '{key}: nothing to do',
  'sync.claims':
    '{key}: adopt {adopt}, release {release}{revisions, plural, =0 {} one {, adopt # orphaned revision} other {, adopt # orphaned revisions}}',
  'sync.failed': '{key}: {error}',
  'replicaset.pods': '{key}: {active}/{desired} pods',
  'replicaset.create': '{key}: {active}/{desired} pods, create {create}',
  'replicaset.delete': '{key}: {active}/{desired} pods, delete {pods}',
  'replicaset.expectations': '{key}: expectations pending (add {add}, del {del})',
  'daemonset.plan':
    '{key}: hash {hash}{expectationsPending, select, true {, expectations pending} other {}}' +
    '{creates, plural, =0 {} other {, create on {createOn}{createMore, plural, =0 {} other { and # more}}}}' +
    '{deletes, plural, =0 {} other {, delete {deletePods}{deleteMore, plural, =0 {} other { and # more}}}}' +
    '{rolling, select, true {, rolling {rollingNodes, plural, one {node} other {nodes}} (maxSurge {maxSurge}, maxUnavailable {maxUnavailable})} other {}}',
  'deployment.plan':
    '{key}: {step, select, rolling {rolling update} recreate {recreate} scale {scale} deleting {being deleted} waitForOldPods {waiting for old pods to go} other {{step}}}' +
    '{paused, select, true { (paused)} other {}}, new replica set {newReplicaSet}' +
    '{count, plural, =0 {, no replica set to write} other {: {writes}}}{more, plural, =0 {} other { and # more}}',
  'endpointslice.plan':
    '{key}: {endpoints, plural, one {# endpoint} other {# endpoints}} ({ready} ready): create {creates}, update {updates}, delete {deletes} {deletes, plural, one {slice} other {slices}}',
  'endpointslice.stale':
    "{key}: the cache does not show this controller's last slice writes yet; wait for them",
  'statefulset.wait-ready': '{key}: waiting for {pod} to become Running and Ready',
  'statefulset.wait-gone': '{key}: waiting for {pod} to go away',
  'statefulset.intent': '{key}: {intent} {pod}',

  'fault.applied': '{command}: {effectText}',
  'fault.skipped': '{command}: skipped ({reason})',
  'node.joined': 'node {node} joined',
  'node.power-lost': 'machine {node} lost power: its containers stopped',
  'node.shut-down':
    'node {node} shut down gracefully: {ended, plural, one {# pod} other {# pods}} ended {phase}',
  'node.partitioned': 'machine {node} is cut off from the control plane; its containers keep running',
  'node.rebooted': 'machine {node} booted again',
  'node.reconnected': 'machine {node} can reach the control plane again',
  'node.removed': 'node {node} removed from the cluster',
  'node.cordoned': 'node {node} cordoned',
  'node.uncordoned': 'node {node} uncordoned',
  'node.drained': 'node {node} drained: {evicted, plural, one {# pod} other {# pods}} evicted',
  'node.labeled': 'labels of node {node} changed',
  'node.tainted': 'node {node} tainted {taint}',
  'node.untainted': 'taint {taint} removed from {node}',
  'node.rejects-pods': 'kubelet/{node} rejects pods at admission ({reason})',
  'pod.crashed': 'container of pod/{pod} crashed',
  'pod.failed': 'pod/{pod} failed',
  'pod.deleted': 'pod/{pod} deleted{force, select, true { (force)} other {}}',
  'pod.unready': 'pod/{pod} not ready for {for}',
  'pod.relabeled': 'labels of pod/{pod} changed',
  'workload.scaled': '{ref} scaled to {replicas}',
  'workload.template-changed': 'template of {ref} changed',
  'workload.partition-set': 'partition of {ref} set to {partition}',
  'workload.rolled-back': "{ref} rolled back to revision {revision}'s template",
  'workload.paused': 'rollout of {ref} paused',
  'workload.resumed': 'rollout of {ref} resumed',
  'object.deleted': '{ref} deleted ({propagation})',
  'object.created': '{ref} created',
  'pvc.deleted': 'pvc/{pvc} deleted',
  'finalizer.added': '{name} holds finalizer {finalizer}',
  'finalizer.removed': 'finalizer {finalizer} removed from {pods, plural, one {# pod} other {# pods}}',
  'controller.restart': '{controller} controller restarted',
  'watch.delayed': 'watch of {controllers} stalled for {for}',
  'api.will-fail':
    'next {count} {verb} {count, plural, one {call} other {calls}}{controller, select, all {} other { of {controller}-controller}} will fail',
  'requests.sent':
    '{count, plural, one {# request} other {# requests}} to {to}: {answered} answered, {failed} failed',
  'request.answered': 'request to {to} → {ip}: answered by pod/{pod} on {node}',
  'request.failed':
    'request to {to} failed: {reason, select, nxdomain {no such DNS name} noEndpoints {the Service has no endpoint to route to} other {nothing answers at {ip}}}',

  'invariant.violated': '{message}',
};
