/** `kubeprop explain <invariant-id>`: what an invariant claims and why, in English or Korean. */
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
  if (positionals.length !== 1)
    throw new UsageError('kubeprop explain: name exactly one invariant id (see kubeprop explain --help)');
  const id = positionals[0]!;
  const def = getInvariant(id);
  if (def === undefined) {
    const known = allInvariants().map((i: { id: string }) => i.id);
    throw new UsageError(`kubeprop explain: unknown invariant "${id}" (known: ${known.join(', ')})`);
  }
  out(`${def.id}  (${def.kind})`);
  out('');
  out(def.claim[lang]);
  out('');
  out(def.explain[lang]);
  return 0;
}
