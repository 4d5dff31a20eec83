import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.ts';
import { catalogs, hasMessage, placeholders, t } from '../../src/report/i18n/index.ts';

const keys = Object.keys(en).sort();

describe('report: i18n', () => {
  it('report: i18n: both catalogs have exactly the same keys', () => {
    expect(Object.keys(catalogs.ko).sort()).toEqual(keys);
  });

  it.each(keys)('report: i18n: %s is non-empty in en and ko with the same placeholders', (key) => {
    const e = (catalogs.en as Record<string, string>)[key];
    const k = (catalogs.ko as Record<string, string>)[key];
    expect(e?.trim()).toBeTruthy();
    expect(k?.trim()).toBeTruthy();
    expect(placeholders(k!)).toEqual(placeholders(e!));
  });

  it('report: i18n: fills placeholders and refuses missing ones', () => {
    expect(t('en', 'viol.firstStep', { step: 7, time: '00:01.500' })).toBe(
      'First broken at step 7, simulated time 00:01.500.',
    );
    expect(t('ko', 'viol.title', { id: 'statefulset.at-most-one' })).toBe('statefulset.at-most-one 위반');
    expect(() => t('en', 'viol.title')).toThrow(/needs parameter \{id\}/);
  });

  it('report: i18n: has a why-hint for every invariant id of design.md §5', () => {
    const ids = [
      'replicaset.exact-replicas',
      'replicaset.no-overshoot',
      'ownership.single-controller',
      'daemonset.one-per-node',
      'daemonset.placement',
      'daemonset.coverage',
      'statefulset.ordered-ready',
      'statefulset.at-most-one',
      'statefulset.stable-identity',
      'statefulset.volume-retention',
      'statefulset.partition',
      'workload.converges',
      'status.consistent',
    ];
    for (const id of ids) expect(hasMessage(`why.hint.${id}`), id).toBe(true);
  });

  it('report: i18n: Korean uses the terms of the Korean Kubernetes docs (docs/glossary-ko.md) and the course analogies', () => {
    expect(catalogs.ko['concept.replicaset.body']).toContain('아파트 관리 사무소');
    expect(catalogs.ko['concept.daemonset.body']).toContain('가로등');
    expect(catalogs.ko['concept.statefulset.body']).toContain('호텔');
    expect(catalogs.ko['concept.statefulset.body']).toContain('PVC');
    expect(catalogs.ko['concept.ownership.body']).toContain('파드');
    expect(catalogs.ko['concept.ownership.body']).not.toMatch(/\bPod\b|\bNode\b/);
  });
});
