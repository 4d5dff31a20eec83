/** Ported from Kubernetes staging/src/k8s.io/endpointslice/utils_test.go (see cases/endpointslice_utils.ts). */
import { describe } from 'vitest';
import { cases } from './cases/endpointslice_utils.ts';
import { runCases } from './harness.ts';

describe('conformance: utils_test.go (endpointslice)', () => runCases(cases));
