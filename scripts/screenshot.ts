/**
 * The README's report screenshot: a real example report (a StatefulSet one when there is one, else
 * a ReplicaSet one) opened in Debian's chromium, stepped to its most telling moment (the first
 * violation, else the first fault), saved as reports/examples/screenshot.png.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { type ExampleRun, examplePath, SCREENSHOT_FILE } from '../src/report/examples.ts';

/** Scenarios tried first, in order (the hotel whose Pod comes back with its data tells the most). */
const PREFERRED = ['statefulset-pod-returns-with-its-data', 'statefulset-partition-no-second-copy'];

/** The example shown: a preferred one, else the first StatefulSet one, else the first ReplicaSet one. */
export function screenshotExample(runs: readonly ExampleRun[]): ExampleRun | undefined {
  const has = (r: ExampleRun, kind: string) => r.result.scenario.objects.some((o) => o.kind === kind);
  return (
    PREFERRED.map((id) => runs.find((r) => r.entry.id === id)).find((r) => r !== undefined) ??
    runs.find((r) => has(r, 'StatefulSet')) ??
    runs.find((r) => has(r, 'ReplicaSet'))
  );
}

/** Takes the screenshot; returns its path relative to `root`. */
export async function takeScreenshot(root: string, runs: readonly ExampleRun[]): Promise<string> {
  const run = screenshotExample(runs);
  if (!run) throw new Error('no StatefulSet or ReplicaSet example to take a screenshot of');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(root, examplePath(run.entry.id, 'en', 'html'))).href);
    const violation = run.result.invariants.some((i) => i.status === 'violated');
    if (violation) await page.click('#step-jump');
    else {
      // Step to the first fault: the moment the lesson starts.
      const fault = run.result.events.find((e) => e.kind === 'fault');
      if (fault) {
        await page.evaluate((step) => {
          const slider = document.querySelector<HTMLInputElement>('#step-slider');
          const data = JSON.parse(document.querySelector('#stepper-data')?.textContent ?? '{}') as {
            frames?: Array<{ s: number }>;
          };
          const i = (data.frames ?? []).findIndex((f) => f.s >= step);
          if (slider && i >= 0) {
            slider.value = String(i);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
          }
        }, fault.step);
      }
    }
    await page.evaluate(() => document.querySelector('#stepper')?.scrollIntoView());
    await page.screenshot({ path: join(root, SCREENSHOT_FILE) });
  } finally {
    await browser.close();
  }
  return SCREENSHOT_FILE;
}
