/** Ported from Kubernetes staging/src/k8s.io/endpointslice/reconciler_test.go (see cases/endpointslice_reconciler.ts). */
import { describe } from 'vitest';
import { cases } from './cases/endpointslice_reconciler.ts';
import { runCases } from './harness.ts';

describe('conformance: reconciler_test.go', () => runCases(cases));
