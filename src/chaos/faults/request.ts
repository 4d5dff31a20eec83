import type { KObject } from '../../model/types.ts';
import { sendRequest } from '../../sim/traffic.ts';
import { defineFault } from '../types.ts';

/**
 * Clients send requests to a Service or DNS name: each is resolved by cluster DNS and routed by
 * kube-proxy (sim/traffic.ts); the trace says which pod answered each one, or why it failed.
 */
export const requestFault = defineFault({
  kind: 'request',
  summary: {
    en: 'clients send requests to a Service or DNS name; the trace says which pod answered each',
    ko: '클라이언트가 서비스나 DNS 이름으로 요청을 보낸다. 트레이스에 각 요청에 응답한 파드가 남는다',
  },
  appliesTo: ['endpointslice'],
  fields: {
    to: {
      type: 'string',
      required: true,
      doc: 'a Service name or DNS name, short or fully qualified (`web`, `web-1.nginx`, `web.default.svc.cluster.local`)',
    },
    count: { type: 'int', min: 1, max: 10_000, doc: 'how many requests (default 1)' },
  },
  example: '{do: request, to: web-1.nginx, count: 20}',
  describe: (ev) => `request ${ev.to}${ev.count && ev.count > 1 ? ` x${ev.count}` : ''}`,
  apply(world, ev) {
    const count = ev.count ?? 1;
    let answered = 0;
    for (let i = 0; i < count; i++) if (sendRequest(world, ev.to).answeredBy) answered++;
    return {
      applied: true,
      effect: { code: 'requests.sent', params: { to: ev.to, count, answered, failed: count - answered } },
    };
  },
  generate(ctx, rng) {
    const names = requestNames(ctx.scenario.objects);
    if (names.length === 0) return null;
    return { at: ctx.at, do: 'request', to: rng.pick(names), count: 1 + rng.int(10) };
  },
});

/** Names a client could ask for: each Service, and each StatefulSet pod under its headless Service. */
function requestNames(objects: readonly KObject[]): string[] {
  const names: string[] = [];
  for (const o of objects) {
    if (o.kind === 'Service') names.push(o.metadata.name ?? '');
    if (o.kind === 'StatefulSet' && o.spec?.serviceName) {
      for (let i = 0; i < Math.min(3, o.spec.replicas ?? 1); i++)
        names.push(`${o.metadata.name}-${i}.${o.spec.serviceName}`);
    }
  }
  return names.filter(Boolean).sort();
}
