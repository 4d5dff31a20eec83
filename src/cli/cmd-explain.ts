/**
 * `kubeprop explain <invariant-id>`: what an invariant claims and why, in English or Korean; with no
 * id, the list of ids.
 */

import { didYouMean } from '../model/suggest.ts';
import { type Lang, t } from '../report/i18n/index.ts';
import { allInvariants, getInvariant } from '../scenario/registries.ts';
import { choiceOption, parseCommandArgs, UsageError } from './args.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';

export async function explainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', argv, { lang: { type: 'string' } });
  if (values.help) {
    out(HELP.explain);
    return 0;
  }
  const lang = choiceOption('explain', 'lang', values.lang, ['en', 'ko'] as const, 'en');
  if (positionals.length === 0) return listInvariants(lang);
  if (positionals.length > 1)
    throw new UsageError('kubeprop explain: name one invariant id at a time (see kubeprop explain --help)');
  const id = positionals[0]!;
  const def = getInvariant(id);
  if (def === undefined) {
    const known = allInvariants().map((i: { id: string }) => i.id);
    throw new UsageError(
      `kubeprop explain: unknown invariant "${id}"${didYouMean(id, known)} (known: ${known.join(', ')})`,
    );
  }
  out(`${def.id}  (${kindName(def.kind, lang)})`);
  out('');
  out(def.claim[lang]);
  out('');
  out(def.explain[lang]);
  return 0;
}

/** `safety` / `liveness` as written in English, or its Korean name (안전성 / 활성, docs/glossary-ko.md). */
function kindName(kind: 'safety' | 'liveness', lang: Lang): string {
  return lang === 'en' ? kind : t(lang, `kind.${kind}`);
}

/** `kubeprop explain` alone: every invariant id with its kind, one per line. */
function listInvariants(lang: Lang): number {
  const defs = allInvariants() as ReadonlyArray<{ id: string; kind: 'safety' | 'liveness' }>;
  const width = Math.max(...defs.map((d) => d.id.length));
  for (const d of defs) out(`${d.id.padEnd(width)}  ${kindName(d.kind, lang)}`);
  out('');
  out(
    lang === 'en'
      ? 'kubeprop explain <id> says what one claims and why (--lang ko: in Korean).'
      : 'kubeprop explain <id>: 불변 조건 하나의 주장과 그 이유를 한국어로 보여 준다 (--lang ko).',
  );
  return 0;
}
