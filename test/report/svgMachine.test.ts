import { describe, expect, it } from 'vitest';
import { CONTROLLERS, machineGraph } from '../../src/controllers/registry.ts';
import { machineCoverage } from '../../src/report/analysis.ts';
import { type Box, layoutMachine, machineSvg, visitedPart } from '../../src/report/html/svgMachine.ts';
import { mermaidStateDiagram } from '../../src/report/mermaid.ts';

const NAMES = CONTROLLERS.map((c) => c.name);

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Every pair of boxes that overlap, named. */
function overlaps(boxes: Array<[string, Box]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i]![1], boxes[j]![1])) out.push(`${boxes[i]![0]} × ${boxes[j]![0]}`);
  return out;
}

/** A coverage where every `nth` transition of the machine was taken (0: none). */
function coverageEvery(controller: string, nth: number) {
  const graph = machineGraph(controller)!;
  const visits = graph.transitions
    .filter((_, i) => nth > 0 && i % nth === 0)
    .map((t) => ({ controller, from: t.from, event: t.event, to: t.to, count: 3 }));
  return machineCoverage(controller, graph, visits);
}

describe('machine diagrams: dagre layout', () => {
  for (const controller of NAMES) {
    for (const [nth, taken] of [
      [1, 'all'],
      [2, 'half'],
      [3, 'a third'],
      [0, 'none'],
    ] as const) {
      it(`${controller}: no state box or arrow label sits on another (${taken} of the transitions visited)`, () => {
        const cov = coverageEvery(controller, nth);
        const parts = [cov.graph, visitedPart(cov)];
        for (const { states, transitions } of parts) {
          const l = layoutMachine(states, cov.graph.initial, transitions);
          const boxes: Array<[string, Box]> = [
            ...[...l.states].map(([s, b]): [string, Box] => [`state ${s}`, b]),
            ...l.edges.map((e): [string, Box] => [`label ${e.t.from}-${e.t.event}->${e.t.to}`, e.label]),
          ];
          expect(l.states.size).toBe(states.length);
          expect(overlaps(boxes)).toEqual([]);
          for (const [, b] of boxes) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.y).toBeGreaterThanOrEqual(0);
            expect(b.x + b.w).toBeLessThanOrEqual(l.width);
            expect(b.y + b.h).toBeLessThanOrEqual(l.height);
          }
          for (const e of l.edges) expect(e.points.length, `${e.t.from} → ${e.t.to}`).toBeGreaterThan(1);
        }
      });
    }
  }

  it('the same machine and coverage lay out byte for byte the same', () => {
    const cov = coverageEvery('statefulset', 2);
    expect(machineSvg(cov, 'm0')).toBe(machineSvg(cov, 'm0'));
  });
});

describe('machine diagrams: visited moves by default', () => {
  for (const controller of NAMES) {
    it(`${controller}: the default figure draws the visited transitions only; the whole machine sits behind the checkbox`, () => {
      const cov = coverageEvery(controller, 3);
      const html = machineSvg(cov, 'm0');
      const [, visited = '', all = ''] = html.split(/<div class="m-(?:visited|all)">/);
      expect(visited.match(/<g class="tr visited"/g)?.length).toBe(cov.transitionsVisited);
      expect(visited).not.toContain('<g class="tr"');
      expect(all.match(/<g class="tr[ "]/g)?.length).toBe(cov.graph.transitions.length);
      expect(html).toContain('<input type="checkbox" class="show-all" id="m0-all">');
      const missed = cov.graph.states.filter((s) => !cov.visitedStates.has(s));
      for (const s of missed) expect(visited).not.toContain(`data-state="${s}"`);
      if (missed.length > 0) expect(visited).toContain(`States not visited: ${missed.join(', ')}`);
    });
  }

  it('a run that moved nowhere shows the initial state alone', () => {
    const cov = coverageEvery('replicaset', 0);
    const html = machineSvg(cov, 'm0');
    const visited = html.split('<div class="m-all">')[0]!;
    expect(visited.match(/data-state=/g)).toHaveLength(1);
    expect(visited).toContain('data-state="idle"');
  });

  it('Mermaid draws the visited transitions only and names the states not visited', () => {
    const cov = coverageEvery('statefulset', 3);
    const src = mermaidStateDiagram(cov);
    const arrows = src.split('\n').filter((l) => / --> /.test(l) && !l.includes('[*]'));
    expect(arrows).toHaveLength(cov.transitionsVisited);
    for (const s of cov.graph.states.filter((x) => !cov.visitedStates.has(x)))
      expect(src).not.toContain(`state "${s}"`);
  });
});
