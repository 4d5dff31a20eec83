/** Ported from Kubernetes pkg/controller/controller_utils_test.go (see cases/controller_utils.ts). */
import { describe } from 'vitest';
import { cases } from './cases/controller_utils.ts';
import { runCases } from './harness.ts';

describe('conformance: controller_utils_test.go', () => runCases(cases));
