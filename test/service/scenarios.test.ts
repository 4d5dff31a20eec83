/**
 * The Service teaching scenarios, and each EndpointSlice mutant caught by the invariant that names
 * it: requests spread over a Deployment's pods through a node crash; a StatefulSet pod reached by its
 * own DNS name through a delete and a partition (same name, new IP, never two answers).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';
import type { TraceEvent } from '../../src/trace/types.ts';

const file = (name: string) => new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname;

function answers(events: readonly TraceEvent[], fromMs: number, toMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    if (e.code !== 'request.answered' || e.atMs < fromMs || e.atMs >= toMs) continue;
    const pod = e.params.pod;
    out[pod] = (out[pod] ?? 0) + 1;
  }
  return out;
}

function failures(events: readonly TraceEvent[]): string[] {
  return events.flatMap((e) => (e.code === 'request.failed' ? [e.params.reason] : []));
}

function withVariant(name: string, variant: string): string {
  return readFileSync(file(name), 'utf8').replace(
    /^ {2}settle: (.*)$/m,
    `  settle: $1\n  controllers: { endpointslice: ${variant} }`,
  );
}

const violated = (r: ReturnType<typeof runScenario>) =>
  r.invariants.filter((i) => i.status === 'violated').map((i) => i.id);

describe('service-load-balancing', () => {
  const r = runScenario(loadScenarioFile(file('service-load-balancing')), { keepTrace: true });

  it('passes, and spreads requests over the ready pods only', () => {
    expect(r.outcome).toBe('pass');
    const before = answers(r.events, 60_000, 61_000);
    expect(Object.keys(before)).toHaveLength(3);
    // node-2 is Unknown and its pod not ready at 2m30s: two pods answer, none fails.
    expect(Object.keys(answers(r.events, 150_000, 151_000))).toHaveLength(2);
    // After the eviction a replacement with a new IP joins: three pods again.
    const after = answers(r.events, 480_000, 481_000);
    expect(Object.keys(after)).toHaveLength(3);
    expect(Object.keys(after).filter((p) => !(p in before))).toHaveLength(1);
    expect(failures(r.events)).toEqual([]);
  });

  it('ready-ignores-readiness sends requests to the dead node and breaks service.routes-ready', () => {
    const m = runScenario(
      parseScenarioText(withVariant('service-load-balancing', 'ready-ignores-readiness'), 'm.yaml'),
      {
        keepTrace: true,
      },
    );
    expect(violated(m)).toContain('service.routes-ready');
    expect(failures(m.events)).toContain('noAnswer');
  });
});

describe('statefulset-direct-access', () => {
  const r = runScenario(loadScenarioFile(file('statefulset-direct-access')), { keepTrace: true });
  const ipsOf = (fromMs: number, toMs: number) =>
    new Set(
      r.events.flatMap((e) =>
        e.code === 'request.answered' && e.atMs >= fromMs && e.atMs < toMs ? [e.params.ip] : [],
      ),
    );

  it('passes: web-1.nginx is answered by web-1 before and after it is recreated, at a new IP', () => {
    expect(r.outcome).toBe('pass');
    expect(answers(r.events, 60_000, 61_000)).toEqual({ 'web-1': 10 });
    expect(answers(r.events, 180_000, 181_000)).toEqual({ 'web-1': 10 });
    const [first] = ipsOf(60_000, 61_000);
    const [second] = ipsOf(180_000, 181_000);
    expect(first).not.toBe(second);
  });

  it("a partitioned pod's name stops resolving rather than pointing anywhere else", () => {
    expect(failures(r.events)).toEqual(['nxdomain', 'nxdomain', 'nxdomain', 'nxdomain', 'nxdomain']);
    expect(answers(r.events, 480_000, 481_000)).toEqual({ 'web-2': 5 });
  });

  it.each([
    ['ready-ignores-readiness', 'service.routes-ready'],
    ['never-removes-endpoints', 'service.endpoints-converge'],
    ['keeps-first-address', 'statefulset.stable-network-id'],
  ])('mutant %s is caught by %s', (variant, id) => {
    const m = runScenario(parseScenarioText(withVariant('statefulset-direct-access', variant), 'm.yaml'));
    expect(violated(m)).toContain(id);
  });
});

describe('service-mutant-keeps-first-address', () => {
  it('meets its expect: the three service invariants violated', () => {
    const r = runScenario(loadScenarioFile(file('service-mutant-keeps-first-address')));
    expect(r.expectMet).toBe(true);
    expect(violated(r).sort()).toEqual([
      'service.endpoints-converge',
      'service.routes-ready',
      'statefulset.stable-network-id',
    ]);
  });
});
