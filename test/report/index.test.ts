import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import { fixtureSources, statefulSetPartitionRun } from './fixtures.ts';

describe('report: writeReports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('report: writeReports: writes <dir>/<scenario>/<seed>/report.{json,md,html} and nothing else', () => {
    const paths = writeReports(statefulSetPartitionRun(), dir, ['json', 'md', 'html'], 'en', fixtureSources);
    const base = join(dir, 'hotel-statefulset-partition', '42');
    expect(paths).toEqual([join(base, 'report.json'), join(base, 'report.md'), join(base, 'report.html')]);
    expect(readdirSync(base).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    expect(JSON.parse(readFileSync(paths[0]!, 'utf8')).outcome).toBe('violation');
    expect(readFileSync(paths[1]!, 'utf8')).toContain(
      `npx kubeprop replay ${join(base, 'hotel-statefulset-partition.replay.json')}`,
    );
  });

  it('report: writeReports: rewriting gives identical files; formats and language are honoured', () => {
    const [first] = writeReports(statefulSetPartitionRun(), dir, ['md'], 'ko', fixtureSources);
    const before = readFileSync(first!, 'utf8');
    writeReports(statefulSetPartitionRun(), dir, ['md'], 'ko', fixtureSources);
    expect(readFileSync(first!, 'utf8')).toBe(before);
    expect(before).toContain('# ❌ kubeprop 리포트');
  });
});
