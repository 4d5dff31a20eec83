/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): step to the first
 * violation and check what a learner sees. Skipped only outside CI when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import type { RunResult } from '../../src/run/types.ts';
import { fixtureSources, hostileRun, statefulSetPartitionRun } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(
    `report: browser: skipped: ${CHROMIUM} not found (apt-get install -y chromium); in CI this test runs`,
  );
}

describe.skipIf(!available && !process.env.CI)('report: browser (chromium)', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-browser-'));

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

  /** Opens the report of `result` and collects page errors and failed requests. */
  async function open(
    result: RunResult,
    lang: 'en' | 'ko',
    name: string,
  ): Promise<{ page: Page; problems: string[] }> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(result, { lang, sources: fixtureSources }));
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

  it('report: browser: steps to the first violation and shows the invariant and the pods at that step', async () => {
    const { page, problems } = await open(statefulSetPartitionRun(), 'en', 'sts');
    await expect.poll(() => page.locator('#position').textContent()).toContain('Step 1 of 42');
    await page.click('#step-jump');
    await expect
      .poll(() => page.locator('#position').textContent())
      .toBe('Step 38 of 42, simulated time 06:41.523');
    // The violated invariant, on screen.
    await expect
      .poll(() => page.locator('.violation[data-invariant="statefulset.at-most-one"] h3').isVisible())
      .toBe(true);
    expect(await page.locator('#events-now li.k-violation').textContent()).toContain(
      'statefulset.at-most-one',
    );
    // Two web-0: the old one still running on the partitioned node-a, the new one on node-b.
    const nodeA = page.locator('.node[data-node="node-a"]');
    expect(await nodeA.getAttribute('class')).toContain('st-partitioned');
    expect(await nodeA.locator('.pod[data-pod="web-0"]').getAttribute('data-phase')).toBe('Ghost');
    const nodeB = page.locator('.node[data-node="node-b"]');
    expect(
      await nodeB
        .locator('.pod')
        .evaluateAll((ps) => ps.map((p) => `${p.textContent}:${p.getAttribute('data-phase')}`)),
    ).toEqual(['web-0:Running', 'web-1:Ready']);
    expect(await page.locator('.timeline tr.current').count()).toBeGreaterThan(0);
    await page.click('#step-next');
    await expect.poll(() => page.locator('#position').textContent()).toContain('Step 39 of 42');
    await page.click('#step-prev');
    await page.click('#step-prev');
    await expect.poll(() => page.locator('#position').textContent()).toContain('Step 37 of 42');
    await page.click('#step-jump');
    mkdirSync(resolve('reports'), { recursive: true });
    await page.locator('#stepper').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve('reports/screenshot-statefulset.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('report: browser: the Korean report steps the same way', async () => {
    const { page, problems } = await open(statefulSetPartitionRun(), 'ko', 'sts-ko');
    await page.click('#step-jump');
    await expect
      .poll(() => page.locator('#position').textContent())
      .toBe('스텝 38 / 42, 시뮬레이션 시간 06:41.523');
    expect(await page.locator('.node[data-node="node-a"] .badge').textContent()).toBe('네트워크 분리됨');
    expect(problems).toEqual([]);
  });

  it('report: browser: hostile manifest text stays inert (no script runs, no request, no error)', async () => {
    const { page, problems } = await open(hostileRun(), 'en', 'hostile');
    await page.click('#step-jump');
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(problems).toEqual([]);
  });
});
