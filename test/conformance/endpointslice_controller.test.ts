/** Ported from Kubernetes pkg/controller/endpointslice/endpointslice_controller_test.go (see cases/endpointslice_controller.ts). */
import { describe } from 'vitest';
import { cases } from './cases/endpointslice_controller.ts';
import { runCases } from './harness.ts';

describe('conformance: endpointslice_controller_test.go', () => runCases(cases));
