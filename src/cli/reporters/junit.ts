/**
 * `--reporter junit`: JUnit XML, which CI systems (GitLab, Jenkins, GitHub test-report actions) show
 * as a test per scenario. A failure's text names the invariant, lists the events one per line and
 * prints the replay command, as kubeprop/vitest's failures do.
 */
import { failureMessage, runProblem } from '../../api/failure.ts';
import type { Reporter, ScenarioOutcome } from './types.ts';

/** XML text: the five entities escaped and characters XML 1.0 forbids dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function testcase(o: ScenarioOutcome): string {
  const r = o.result;
  const attrs = `classname="kubeprop.${xmlEscape(r.scenario.name)}" name="${xmlEscape(`${r.scenario.name} seed=${r.seed}`)}" file="${xmlEscape(o.file)}" time="${seconds(o.wallMs)}"`;
  const problem = runProblem(r);
  if (problem === undefined) return `    <testcase ${attrs}/>`;
  const tag = o.verdict === 'error' ? 'error' : 'failure';
  const body = failureMessage(r, problem, o.replay?.command);
  const type = problem.split(' ')[0] ?? tag;
  return [
    `    <testcase ${attrs}>`,
    `      <${tag} message="${xmlEscape(problem)}" type="${xmlEscape(type)}">${xmlEscape(body)}</${tag}>`,
    '    </testcase>',
  ].join('\n');
}

export const junitReporter: Reporter = (outcomes) => {
  const failures = outcomes.filter((o) => o.verdict === 'fail').length;
  const errors = outcomes.filter((o) => o.verdict === 'error').length;
  const time = seconds(outcomes.reduce((s, o) => s + o.wallMs, 0));
  const counts = `tests="${outcomes.length}" failures="${failures}" errors="${errors}" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubeprop" ${counts}>`,
    `  <testsuite name="kubeprop run" ${counts} skipped="0">`,
    ...outcomes.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
