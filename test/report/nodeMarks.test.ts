/**
 * The step view's node cards: a node is drawn from the step it joins to the step it is removed in,
 * with cordon and NoSchedule/NoExecute taint badges, read from the API writes of real runs. The
 * browser part opens the HTML report and steps with its own slider. Skipped only outside CI when
 * /usr/bin/chromium is absent (as test/report/browser.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterFrames, type Frame, nodeNames } from '../../src/report/cluster.ts';
import { NODE_MARK, nodeMarks } from '../../src/report/html/nodeMarks.ts';
import { renderHtml } from '../../src/report/html.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';
import { fixtureSources } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function run(file: string): RunResult {
  return runScenario(loadScenarioFile(join(ROOT, 'scenarios', file)));
}

/** The nodes the step view knows, the frames and each frame's marks. */
function marksOf(r: RunResult) {
  const frames = clusterFrames(r);
  const nodes = nodeNames(r);
  for (const f of frames) for (const [n] of f.nodes) if (!nodes.includes(n)) nodes.push(n);
  const marks = nodeMarks(
    r.events,
    frames,
    nodes,
    r.scenario.nodes.map((n) => n.name),
  );
  const of = (node: string, fi: number) => marks[fi]![nodes.indexOf(node)]!;
  return { frames, nodes, of };
}

/** The first frame holding an event that matches `pred`. */
function frameOf(r: RunResult, frames: readonly Frame[], pred: (e: RunResult['events'][number]) => boolean) {
  const i = r.events.findIndex(pred);
  expect(i, 'the event is in the trace').toBeGreaterThanOrEqual(0);
  return frames.findIndex((f) => f.events[0] <= i && i < f.events[1]);
}

const joins = run('daemonset-node-joins.yaml');
const taints = run('daemonset-selector-and-taints.yaml');
const removal = run('daemonset-node-removed.yaml');
/** The node-joins story with node-1 cordoned from 40s to 80s instead of node-4 joining. */
const cordon = runScenario(
  parseScenarioText(
    readFileSync(join(ROOT, 'scenarios/daemonset-node-joins.yaml'), 'utf8').replace(
      '    - { at: 90s, do: add-node, node: node-4 }',
      '    - { at: 40s, do: cordon-node, node: node-1 }\n    - { at: 80s, do: uncordon-node, node: node-1 }',
    ),
    'daemonset-node-joins-cordon.yaml',
  ),
);

describe('report: step view: node lifetime and badges', () => {
  it('a node that joins at 30s is not drawn before, and is from the step it joins', () => {
    const { frames, of } = marksOf(joins);
    const joined = frameOf(joins, frames, (e) => e.code === 'api.node' && e.params.node === 'node-3');
    expect(frames[joined]!.atMs).toBe(30_000);
    for (let f = 0; f < joined; f++) expect(of('node-3', f) & NODE_MARK.present, `frame ${f}`).toBe(0);
    for (let f = joined; f < frames.length; f++) expect(of('node-3', f) & NODE_MARK.present).toBe(1);
    for (let f = 0; f < frames.length; f++) expect(of('node-1', f) & NODE_MARK.present).toBe(1);
  });

  it('a removed node is drawn on the step it goes, then no more', () => {
    const { frames, of } = marksOf(removal);
    const gone = frameOf(removal, frames, (e) => e.code === 'api.removed' && e.params.ref === 'node/node-2');
    expect(gone).toBeGreaterThan(0);
    expect(of('node-2', gone - 1) & NODE_MARK.present).toBe(1);
    expect(of('node-2', gone) & NODE_MARK.present).toBe(1);
    for (let f = gone + 1; f < frames.length; f++) expect(of('node-2', f)).toBe(0);
  });

  it('taints show by effect from the step they are written', () => {
    const { frames, of } = marksOf(taints);
    const at = (ms: number) => frames.findIndex((f) => f.atMs >= ms);
    expect(of('node-1', at(60_000) - 1) & (NODE_MARK.noSchedule | NODE_MARK.noExecute)).toBe(0);
    expect(of('node-1', at(60_000)) & NODE_MARK.noSchedule).toBe(NODE_MARK.noSchedule);
    expect(of('node-1', at(60_000)) & NODE_MARK.noExecute).toBe(0);
    expect(of('node-1', at(90_000)) & NODE_MARK.noExecute).toBe(NODE_MARK.noExecute);
    // node-2 starts tainted NoSchedule in the scenario, node-3 never is.
    expect(of('node-2', 0) & NODE_MARK.noSchedule).toBe(NODE_MARK.noSchedule);
    for (let f = 0; f < frames.length; f++) expect(of('node-3', f)).toBe(NODE_MARK.present);
  });

  it('the nodes × time picture hatches the row of a node while it is not in the cluster', () => {
    const picture = (r: RunResult) =>
      renderHtml(r, { lang: 'en', sources: fixtureSources }).match(
        /<svg[^>]*id="picture"[\s\S]*?<\/svg>/,
      )![0];
    const absent = (svg: string) =>
      [...svg.matchAll(/<g class="absent" data-node="([^"]+)"><title>([^<]*)<\/title>/g)].map((m) => m[2]);
    expect(absent(picture(joins))).toEqual([
      'node-3: not in the cluster 00:00.000–00:30.000',
      'node-4: not in the cluster 00:00.000–01:30.000',
    ]);
    const gone = absent(picture(removal));
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatch(/^node-2: not in the cluster 00:30\.\d{3}–/);
  });

  it('a cordon shows from the step it is written until the uncordon', () => {
    const { frames, of } = marksOf(cordon);
    for (let f = 0; f < frames.length; f++) {
      const { atMs } = frames[f]!;
      const want = atMs >= 40_000 && atMs < 80_000 ? NODE_MARK.cordoned : 0;
      expect(of('node-1', f) & NODE_MARK.cordoned, `at ${atMs} ms`).toBe(want);
      expect(of('node-2', f) & NODE_MARK.cordoned).toBe(0);
    }
  });
});

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

describe.skipIf(!available && !process.env.CI)('report: step view in chromium', () => {
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-stepview-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the report of `r` and returns the node cards (name and badges) at each of `at` (frame indices; -1 the last). */
  async function cards(r: RunResult, name: string, at: number[]): Promise<string[][]> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(r, { lang: 'en', sources: fixtureSources }));
    await page.goto(pathToFileURL(file).href);
    const slider = page.locator('#step-slider');
    const last = Number(await slider.getAttribute('max'));
    const out: string[][] = [];
    for (const f of at) {
      await slider.fill(String(f < 0 ? last : f));
      const seen = await page
        .locator('#cluster-view .node')
        .evaluateAll((ns) =>
          ns.map(
            (n) =>
              `${n.getAttribute('data-node')}:${[...n.querySelectorAll('.badge')].map((b) => b.textContent).join('/')}`,
          ),
        );
      out.push(seen.filter((c) => c.startsWith('node-')));
    }
    return out;
  }

  it('node-3 has no card before it joins and one after; taint badges name their effect', async () => {
    const { frames } = marksOf(joins);
    const joined = frameOf(joins, frames, (e) => e.code === 'api.node' && e.params.node === 'node-3');
    const seen = await cards(joins, 'joins', [joined - 1, joined]);
    expect(seen[0]!.some((c) => c.startsWith('node-3:'))).toBe(false);
    expect(seen[1]!.some((c) => c.startsWith('node-3:'))).toBe(true);

    const tainted = await cards(taints, 'taints', [0, -1]);
    expect(tainted.at(-1)).toContain('node-1:up/NoSchedule/NoExecute');
    expect(tainted[0]).toContain('node-2:up/NoSchedule');
  });
});
