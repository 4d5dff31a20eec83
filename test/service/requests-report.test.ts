/** The report's requests table: request lines grouped by time and name, counted per pod and reason. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { requestBatches } from '../../src/report/requests.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';

const file = new URL('../../scenarios/statefulset-direct-access.yaml', import.meta.url).pathname;

describe('requests in the report', () => {
  const r = runScenario(loadScenarioFile(file), { keepTrace: true });

  it('groups each request event and counts answers per pod and failures per reason', () => {
    const rows = requestBatches(r.events).map((b) => [
      b.atMs,
      b.to,
      [...b.answered].sort(),
      [...b.failed].sort(),
    ]);
    expect(rows).toEqual([
      [60_000, 'web-1.nginx', [['web-1', 10]], []],
      [180_000, 'web-1.nginx', [['web-1', 10]], []],
      [330_000, 'web-2.nginx.default.svc.cluster.local', [], [['nxdomain', 5]]],
      [
        330_000,
        'nginx',
        [
          ['web-0', 3],
          ['web-1', 7],
        ],
        [],
      ],
      [480_000, 'web-2.nginx', [['web-2', 5]], []],
    ]);
  });

  it('renders a Requests section in English and Korean', () => {
    expect(renderMarkdown(r, { lang: 'en' })).toContain('| 05:30.000 | `nginx` | web-0 ×3, web-1 ×7 | – |');
    expect(renderMarkdown(r, { lang: 'ko' })).toContain('## 요청');
  });
});
