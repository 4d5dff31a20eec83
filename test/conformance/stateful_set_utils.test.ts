/** Ported from Kubernetes pkg/controller/statefulset/stateful_set_utils_test.go (see cases/stateful_set_utils.ts). */
import { describe } from 'vitest';
import { cases } from './cases/stateful_set_utils.ts';
import { runCases } from './harness.ts';

describe('conformance: stateful_set_utils_test.go', () => runCases(cases));
