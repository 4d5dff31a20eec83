/**
 * False alarm of issue #11 (chaos --controller statefulset seed 1037 run 53, shrunk): injected
 * delete failures reject every delete of db-2 after it ended Failed (graceful node shutdown); each
 * failed sync returns the error and the set is retried on the work queue's rate-limited back-off,
 * which after many failures outlasts the settle time. Kubernetes waits the same: held by design,
 * said so en and ko, not `statefulset.replaces-terminal`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

function fixture(name: string): Scenario {
  const file = join(import.meta.dirname, 'fixtures', `${name}.scenario.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Scenario;
}

describe('StatefulSet: a finished pod whose delete was rejected', () => {
  it('StatefulSet: terminal-delete-rejected-backoff: waits out the back-off, and says so', () => {
    const r = runScenario(fixture('terminal-delete-rejected-backoff'), { keepTrace: false });
    expect(r.outcome).toBe('pass');
    const notes = r.invariants.flatMap((i) => i.heldByDesign ?? []);
    expect(notes.map((n) => n.message).join('\n')).toMatch(
      /db-2 ended Failed; the API server rejected.*back-off/,
    );
    // docs/glossary-ko.md: back-off is 백오프 in Korean (the English word is on its forbidden list).
    expect(notes.map((n) => n.messageKo ?? '').join('\n')).toMatch(
      /db-2 파드는 Failed 상태로 끝났고, API 서버가.*거부했다.*백오프/,
    );
  });
});
