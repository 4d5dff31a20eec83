/**
 * The HTML report in a real browser (Debian's chromium through playwright-core). The main test runs
 * a real failing scenario, scenarios/statefulset-mutant-second-copy.yaml (the mutant
 * replace-terminating creates a second web-1 while the first still runs on a partitioned node,
 * kubernetes#54368), writes its reports as `kubeprop run --report` does, opens them, steps to the
 * violation with the report's own controls and checks what a learner sees, in English and Korean.
 * Screenshots go to reports/ (git-ignored). A hand-made fixture with hostile manifest text checks
 * that nothing from a manifest becomes markup. Skipped only outside CI when /usr/bin/chromium is
 * absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterFrames } from '../../src/report/cluster.ts';
import { formatTime } from '../../src/report/format.ts';
import { renderHtml } from '../../src/report/html.ts';
import { type Lang, writeReports } from '../../src/report/index.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import { fixtureSources, hostileRun } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIO = 'scenarios/statefulset-mutant-second-copy.yaml';
const INVARIANT = 'statefulset.at-most-one';
/** The room that gets a second guest, and the node the control plane loses (from the scenario). */
const POD = 'web-1';
const PARTITIONED = 'node-2';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(
    `report: browser: skipped: ${CHROMIUM} not found (apt-get install -y chromium); in CI this test runs`,
  );
}

/** `<pod text>:<data-phase>` of every Pod on a node card, in screen order. */
function podsOn(card: Locator): Promise<string[]> {
  return card
    .locator('.pod')
    .evaluateAll((ps) => ps.map((p) => `${p.textContent}:${p.getAttribute('data-phase')}`));
}

describe.skipIf(!available && !process.env.CI)('report: browser (chromium)', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-browser-'));

  // The real run, reported exactly as the CLI reports it (writeReports into a temporary folder).
  const scenario = loadScenarioFile(join(ROOT, SCENARIO));
  scenario.source = SCENARIO;
  const result = runScenario(scenario);
  const violated = result.invariants.find((i) => i.id === INVARIANT);
  const violation = violated?.violations[0];
  const frames = clusterFrames(result);
  const violationFrame = violation ? frames.findIndex((f) => f.step >= violation.step) : -1;
  const last = frames.at(-1)?.step ?? 0;
  const reportFile = (lang: Lang) => {
    const [html] = writeReports(result, join(dir, lang), ['html'], lang);
    return html!;
  };

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens an HTML file and collects page errors and requests that leave the file. */
  async function openFile(file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    return { page, problems };
  }

  /** Checks the cluster on screen at the violation: two web-1, one left on the partitioned node. */
  async function expectTwoCopies(page: Page, partitionedBadge: string): Promise<void> {
    const gone = page.locator(`.node[data-node="${PARTITIONED}"]`);
    expect(await gone.getAttribute('class')).toContain('st-partitioned');
    expect(await gone.locator('.badge.status').textContent()).toBe(partitionedBadge);
    // The first guest: its object was force-deleted, but the unreachable machine still runs it.
    expect(await podsOn(gone)).toEqual([`${POD}:Ghost`]);
    // The second guest, on a reachable node, running at the same moment.
    const elsewhere: string[] = [];
    for (const card of await page.locator('#cluster-view .node').all()) {
      const node = await card.getAttribute('data-node');
      if (node === PARTITIONED) continue;
      for (const p of await podsOn(card)) if (p.startsWith(`${POD}:`)) elsewhere.push(`${node} ${p}`);
    }
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).toMatch(new RegExp(`^node-\\d+ ${POD}:(Running|Ready)$`));
    expect(await page.locator(`#cluster-view .pod[data-pod="${POD}"]`).count()).toBe(2);
  }

  it('report: browser: the real run of the StatefulSet mutant breaks statefulset.at-most-one with two web-1', () => {
    expect(result.error).toBeUndefined();
    expect(result.outcome).toBe('violation');
    expect(result.expectProblems).toEqual([]);
    expect(violated?.status).toBe('violated');
    expect(violation?.objects).toEqual(expect.arrayContaining([`pod/${POD}`, `node/${PARTITIONED}`]));
    expect(violationFrame).toBeGreaterThan(1);
  });

  it('report: browser: steps to the violation with the report controls and shows the invariant and both web-1', async () => {
    const { page, problems } = await openFile(reportFile('en'));
    const position = () => page.locator('#position').textContent();
    const at = (i: number) =>
      `Step ${frames[i]!.step} of ${last}, simulated time ${formatTime(frames[i]!.atMs)}`;
    await expect.poll(position).toBe(at(0));
    // Next, then the slider to the step before the violation: one web-1 only, on the lost node.
    await page.click('#step-next');
    await expect.poll(position).toBe(at(1));
    await page.locator('#step-slider').fill(String(violationFrame - 1));
    await expect.poll(position).toBe(at(violationFrame - 1));
    expect(await page.locator('#events-now li.k-violation').count()).toBe(0);
    expect(await page.locator(`.node[data-node="${PARTITIONED}"]`).getAttribute('class')).toContain(
      'st-partitioned',
    );
    // Next: the second web-1 starts and the checker sees two copies.
    await page.click('#step-next');
    await expect.poll(position).toBe(at(violationFrame));
    expect(await position()).toBe(
      `Step ${violation!.step} of ${last}, simulated time ${formatTime(violation!.atMs)}`,
    );
    expect(await page.locator('#events-now li.k-violation').textContent()).toContain(INVARIANT);
    await expectTwoCopies(page, 'partitioned');
    expect(await page.locator('.timeline tr.current').count()).toBeGreaterThan(0);
    // The keyboard steps too; the jump button comes back to the same step.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(position).toBe(at(violationFrame - 1));
    await page.click('#step-prev');
    await expect.poll(position).toBe(at(violationFrame - 2));
    await page.click('#step-jump');
    await expect.poll(position).toBe(at(violationFrame));
    await expectTwoCopies(page, 'partitioned');
    // The violated invariant, on screen: its card and its row in the invariant table.
    const card = page.locator(`.violation[data-invariant="${INVARIANT}"]`);
    await expect.poll(() => card.locator('h3').isVisible()).toBe(true);
    expect(await card.locator('h3').textContent()).toContain(`Violation of ${INVARIANT}`);
    // What the checker saw (the invariant's own words), naming the room and the lost node.
    expect(violation!.message).toContain(POD);
    expect(violation!.message).toContain(PARTITIONED);
    expect(await card.textContent()).toContain(violation!.message);
    mkdirSync(resolve(ROOT, 'reports'), { recursive: true });
    await page.locator('#stepper').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: resolve(ROOT, 'reports/screenshot-statefulset-mutant-second-copy.en.png'),
    });
    expect(problems).toEqual([]);
  });

  it('report: browser: the Korean report of the same run steps the same way and says it in Korean', async () => {
    const { page, problems } = await openFile(reportFile('ko'));
    const position = () => page.locator('#position').textContent();
    const at = (i: number) =>
      `스텝 ${frames[i]!.step} / ${last}, 시뮬레이션 시간 ${formatTime(frames[i]!.atMs)}`;
    await expect.poll(position).toBe(at(0));
    expect(await page.locator('#step-jump').textContent()).toBe('첫 위반으로 이동');
    // The jump button inside the violation card, then next and back.
    const card = page.locator(`.violation[data-invariant="${INVARIANT}"]`);
    await card.locator('[data-jump-violation]').click();
    await expect.poll(position).toBe(at(violationFrame));
    await page.click('#step-next');
    await expect.poll(position).toBe(at(violationFrame + 1));
    await page.click('#step-prev');
    await expect.poll(position).toBe(at(violationFrame));
    await expectTwoCopies(page, '네트워크 분리됨');
    expect(await page.locator(`.node[data-node="${PARTITIONED}"] .pod`).getAttribute('title')).toBe(
      `${POD} · 보이지 않게 계속 실행 중`,
    );
    expect(await page.locator('#events-now li.k-violation').textContent()).toContain(INVARIANT);
    expect(await card.locator('h3').textContent()).toContain(`${INVARIANT} 위반`);
    expect(await card.textContent()).toContain(
      `스텝 ${violation!.step}, 시뮬레이션 시간 ${formatTime(violation!.atMs)}에 처음 깨졌다.`,
    );
    await page.locator('#stepper').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: resolve(ROOT, 'reports/screenshot-statefulset-mutant-second-copy.ko.png'),
    });
    expect(problems).toEqual([]);
  });

  it('report: browser: a Deployment rollout shows Pods striped by revision and the ReplicaSets with their sizes at the step', async () => {
    const rollout = runScenario(loadScenarioFile(join(ROOT, 'scenarios/deployment-rolling-update.yaml')));
    const rolloutFrames = clusterFrames(rollout);
    // The first step at which Pods of both revisions exist side by side.
    const mixed = rolloutFrames.findIndex((f) => new Set(f.pods.map((p) => p.revision)).size === 2);
    expect(mixed).toBeGreaterThan(0);
    const file = join(dir, 'rollout.html');
    writeFileSync(file, renderHtml(rollout, { lang: 'en', sources: fixtureSources }));
    const { page, problems } = await openFile(file);
    await page.locator('#step-slider').fill(String(mixed));
    const frame = rolloutFrames[mixed]!;
    for (const rev of [1, 2]) {
      const shown = await page.locator(`#cluster-view .pod[data-revision="${rev}"]`).count();
      expect(shown).toBe(frame.pods.filter((p) => p.revision === rev).length);
    }
    const stripe = await page.locator('#cluster-view .pod[data-revision="2"]').first().getAttribute('style');
    expect(stripe).toContain('rgb(219, 39, 119)');
    const rows = await page
      .locator('#replicasets-now tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual(
      frame.replicaSets!.map((rs) => [
        rs.name,
        `revision ${rs.revision}`,
        String(rs.replicas),
        String(rs.ready),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('report: browser: hostile manifest text stays inert (no script runs, no request, no error)', async () => {
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtml(hostileRun() as RunResult, { lang: 'en', sources: fixtureSources }));
    const { page, problems } = await openFile(file);
    await page.click('#step-jump');
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(problems).toEqual([]);
  });
});
