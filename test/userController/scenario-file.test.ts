import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { runScenarioFile } from '../../src/userController/scenarioFile.ts';

const DIR = 'test/userController/fixtures/with-file';
const status = (r: Awaited<ReturnType<typeof runScenarioFile>>, id: string) =>
  r.invariants.find((i) => i.id === id)?.status;

describe('spec.controllers naming a controller file', () => {
  it('runs the file next to the scenario in place of the built-in controller', async () => {
    const r = await runScenarioFile(`${DIR}/scenario.yaml`);
    expect(r.error).toBeUndefined();
    expect(r.events.some((e) => e.actor === 'lab-replicaset')).toBe(true);
    expect(status(r, 'replicaset.no-overshoot')).toBe('held');
  });

  it('refuses a file outside the scenario folder, naming file, line, column and field', async () => {
    const e = await runScenarioFile(`${DIR}/outside.yaml`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    expect(String(e)).toMatch(
      /^test\/userController\/fixtures\/with-file\/outside\.yaml:\d+:17: spec\.controllers\.replicaset: .*solution-naive\.ts is outside the scenario's folder; it runs only when the caller allows it \(allowControllerPaths, or kubeprop run --allow-controller-path\)$/,
    );
  });

  it('runs it when the caller names it', async () => {
    const r = await runScenarioFile(`${DIR}/outside.yaml`, { allowControllerPaths: ['labs/replicaset'] });
    expect(status(r, 'replicaset.no-overshoot')).toBe('violated');
  });
});

describe('kubeprop run and a controller file', () => {
  it('says where a controller file runs instead of calling it an unknown variant', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../src/api/scenario.ts');
    const text = readFileSync(`${DIR}/scenario.yaml`, 'utf8');
    expect(() => parseScenario(text, { file: 'web.yaml' })).toThrow(
      /^\.\/my-rs\.ts is a controller file: kubeprop run runs kubeprop's own controllers and their mutants; run a file with runScenarioFile or kubeprop lab \(docs\/controllers\.md\)$/,
    );
  });
});
