/** Ported from Kubernetes pkg/controller/statefulset/stateful_set_control_test.go (see cases/stateful_set_control.ts). */
import { describe } from 'vitest';
import { cases } from './cases/stateful_set_control.ts';
import { runCases } from './harness.ts';

describe('conformance: stateful_set_control_test.go', () => runCases(cases));
