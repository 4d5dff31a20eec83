/**
 * The hand-built report fixtures are written as the simulator's English trace lines, which read
 * well in a test; this gives each line the message (code and parameters) the simulator records
 * with it, so the reporters under test read structured events as they do from real runs. Only the
 * shapes the fixtures use are known; any other line fails loudly.
 */
import type { FaultEffect, TraceMessage, WriteVerb } from '../../src/trace/messages.ts';
import { faultApplied, transition } from '../../src/trace/messages.ts';
import type { TraceKind } from '../../src/trace/types.ts';

const WRITE = /^(create|update|patch|bind|status|terminate|delete) (\w+)\/(\S+)(.*)$/;

function tokens(rest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of rest.matchAll(/([a-z]+)=(\S+)/g)) out[m[1]!] = m[2]!;
  return out;
}

function write(kind: TraceKind, text: string): TraceMessage {
  const [, word, k, name, rest] = WRITE.exec(text) ?? [];
  if (!word || !k || !name) throw new Error(`fixture: not a write: ${text}`);
  const tok = tokens(rest ?? '');
  const terminating = / terminating$/.test(text);
  if (kind === 'delete' && !terminating && rest === '')
    return { code: 'api.removed', params: { ref: `${k}/${name}` } };
  const verb = (word === 'bind' ? 'patch' : word === 'delete' ? 'terminate' : word) as WriteVerb;
  if (k === 'pod')
    return {
      code: 'api.pod',
      params: {
        verb,
        pod: name,
        node: tok.node ?? '-',
        phase: tok.phase ?? 'Pending',
        ready: tok.ready === 'true',
        terminating,
      },
    };
  if (k === 'node')
    return {
      code: 'api.node',
      params: {
        verb,
        node: name,
        ready: tok.ready ?? 'Unknown',
        unschedulable: false,
        taints: Number(tok.taints ?? 0),
        noSchedule: 0,
        noExecute: 0,
      },
    };
  if (k === 'persistentvolumeclaim')
    return {
      code: 'api.pvc',
      params: { verb, pvc: name, phase: tok.phase ?? 'Pending', volume: tok.volume ?? '-', terminating },
    };
  return {
    code: 'api.workload',
    params: {
      verb,
      ref: `${k}/${name}`,
      replicas: Number(tok.replicas ?? 1),
      ready: Number(tok.ready ?? 0),
      terminating,
    },
  };
}

function kubelet(text: string): TraceMessage {
  const pod = /pod\/(\S+?)(?:[:\s]|$)/.exec(text)?.[1];
  if (!pod) throw new Error(`fixture: no pod in kubelet line: ${text}`);
  const started = /^started pod\/\S+ \(restarts (\d+)\)$/.exec(text);
  if (started) return { code: 'kubelet.started', params: { pod, restarts: Number(started[1]) } };
  if (text.endsWith(': power loss')) return { code: 'kubelet.power-lost', params: { pod } };
  if (text.startsWith('killed')) return { code: 'kubelet.killed', params: { pod } };
  if (text.startsWith('stopped')) return { code: 'kubelet.stopped', params: { pod } };
  throw new Error(`fixture: unknown kubelet line: ${text}`);
}

/** A fault line `<do> <target>[ ...][: what it did]`: the effect its kind has. */
function fault(text: string): TraceMessage {
  const command = text.split(': ')[0]!;
  const [what, target = '', extra] = command.split(' ');
  const effects: Record<string, () => FaultEffect> = {
    'partition-node': () => ({ code: 'node.partitioned', params: { node: target } }),
    'crash-node': () => ({ code: 'node.power-lost', params: { node: target } }),
    'heal-node': () => ({ code: 'node.rebooted', params: { node: target } }),
    'add-node': () => ({ code: 'node.joined', params: { node: target } }),
    'delete-pod': () => ({ code: 'pod.deleted', params: { pod: target, force: extra === 'force' } }),
    scale: () => ({
      code: 'workload.scaled',
      params: { ref: target, replicas: Number(text.split(' ').at(-1)) },
    }),
  };
  const effect = effects[what ?? ''];
  if (!effect) throw new Error(`fixture: unknown fault: ${text}`);
  return faultApplied(command, effect());
}

function controller(text: string): TraceMessage {
  const m = /^(\S+) → (\S+) on (\w+)(?:: (.*))?$/s.exec(text);
  if (!m) throw new Error(`fixture: not a transition: ${text}`);
  const decision = m[4] === undefined ? undefined : ({ code: 'sync.key', params: { key: m[4] } } as const);
  return transition(m[1]!, m[2]!, m[3]!, decision);
}

/** The message a fixture's English line stands for. */
export function messageOf(kind: TraceKind, text: string): TraceMessage {
  switch (kind) {
    case 'create':
    case 'update':
    case 'status':
    case 'delete':
    case 'gc':
      return write(kind, text);
    case 'kubelet':
      return kubelet(text);
    case 'node': {
      const m = /^evicting pod\/(\S+): node (\S+) has NoExecute taints$/.exec(text);
      if (!m) throw new Error(`fixture: unknown node line: ${text}`);
      return { code: 'node.evicting', params: { pod: m[1]!, node: m[2]! } };
    }
    case 'fault':
      return fault(text);
    case 'controller':
      return controller(text);
    case 'violation':
      return { code: 'invariant.violated', params: { message: text } };
    case 'info':
      return { code: 'run.error', params: { error: text } };
    default:
      throw new Error(`fixture: no message for kind ${kind}: ${text}`);
  }
}
