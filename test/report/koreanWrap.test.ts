/**
 * Korean HTML breaks lines between words, never inside one ("지켜짐", not "지/켜짐"): in chromium,
 * table text of a Korean report computes `word-break: keep-all` (lines break at spaces only), while
 * ids in code may still wrap anywhere. Skipped only outside CI when /usr/bin/chromium is
 * absent (as test/report/browser.test.ts).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { fixtureSources, statefulSetPassRun } from './fixtures.ts';

/** The page's window, as far as these checks use it (this project's TypeScript has no DOM library). */
type Win = { getComputedStyle(e: unknown): { wordBreak: string; overflowWrap: string } };

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

describe.skipIf(!available && !process.env.CI)('report: Korean line breaks (chromium)', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-ko-wrap-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function styles(lang: 'en' | 'ko') {
    const file = join(dir, `${lang}.html`);
    writeFileSync(file, renderHtml(statefulSetPassRun(), { lang, sources: fixtureSources }));
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(pathToFileURL(file).href);
    const cell = page.locator('td').first();
    const code = page.locator('code').first();
    const out = {
      cell: await cell.evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).wordBreak),
      code: await code.evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).overflowWrap),
    };
    await page.close();
    return out;
  }

  it('a Korean report keeps words whole and lets ids wrap anywhere; an English one is unchanged', async () => {
    expect(await styles('ko')).toEqual({ cell: 'keep-all', code: 'anywhere' });
    expect((await styles('en')).cell).toBe('normal');
  });
});
