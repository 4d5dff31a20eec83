/**
 * The schema validator is loaded on the parse path only: `kubeprop explain` never loads ajv or the
 * vendored schema; the first manifest validated does.
 */
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { cli } from '../cli/capture.ts';

const requireCjs = createRequire(import.meta.url);
const ajvLoaded = () => Object.keys(requireCjs.cache).some((k) => k.includes('/node_modules/ajv/'));

test('lazy schema: explain does not load ajv; validating a manifest does, once', async () => {
  const r = await cli('explain', 'statefulset.at-most-one');
  expect(r.code).toBe(0);
  expect(ajvLoaded()).toBe(false);
  const { validateManifest } = await import('../../src/scenario/manifests.ts');
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'i' }] },
  };
  expect(validateManifest(pod, { path: 'x' })).toBeNull();
  expect(ajvLoaded()).toBe(true);
});
