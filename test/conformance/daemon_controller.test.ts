/** Ported from Kubernetes pkg/controller/daemon/daemon_controller_test.go (see cases/daemon_controller.ts). */
import { describe } from 'vitest';
import { cases } from './cases/daemon_controller.ts';
import { runCases } from './harness.ts';

describe('conformance: daemon_controller_test.go', () => runCases(cases));
