/** Ported from Kubernetes pkg/controller/replicaset/replica_set_test.go (see cases/replica_set.ts). */
import { describe } from 'vitest';
import { cases } from './cases/replica_set.ts';
import { runCases } from './harness.ts';

describe('conformance: replica_set_test.go', () => runCases(cases));
