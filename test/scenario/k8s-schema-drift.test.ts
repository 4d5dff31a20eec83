/** The vendored Kubernetes schema is exactly what its generator writes (nobody edits it by hand). */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateK8sSchema, K8S_SCHEMA_PATH } from '../../scripts/gen-k8s-schema.ts';

test('k8s schema: src/scenario/openapi/k8s-schema.json is what scripts/gen-k8s-schema.ts writes (rerun it)', () => {
  expect(readFileSync(K8S_SCHEMA_PATH, 'utf8') === generateK8sSchema()).toBe(true);
}, 120_000);
