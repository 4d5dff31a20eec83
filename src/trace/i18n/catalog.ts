/**
 * Message catalogs: one ICU MessageFormat source per message code, per language, rendered with
 * intl-messageformat (plurals: "1 pod", "2 pods"; selects over verbs and flags). Two codes nest
 * another message: a controller decision's detail (`controller.decision` → its `decision` code)
 * and a fault's effect (`fault.applied` → its `effect` code); the inner one renders first.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { DecisionCode, FaultCode, ParamValue, TraceCode } from '../messages.ts';

/** Every code a catalog must say. */
export type MessageCode = TraceCode | DecisionCode | FaultCode;
export type MessageCatalog = Readonly<Record<MessageCode, string>>;
export type CatalogLang = 'en' | 'ko';

const compiled = new Map<string, IntlMessageFormat>();

function formatter(lang: CatalogLang, catalog: MessageCatalog, code: MessageCode): IntlMessageFormat {
  const id = `${lang}\0${code}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(catalog[code], lang);
    compiled.set(id, f);
  }
  return f;
}

/** Booleans select as `true`/`false`; numbers stay numbers for plurals. */
function values(params: Readonly<Record<string, ParamValue>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k in params) {
    const v = params[k]!;
    out[k] = typeof v === 'boolean' ? String(v) : v;
  }
  return out;
}

/** One message in one language. */
export function formatMessage(
  lang: CatalogLang,
  catalog: MessageCatalog,
  code: MessageCode,
  params: Readonly<Record<string, ParamValue>>,
): string {
  const v = values(params);
  if (code === 'controller.decision')
    v.detail = formatMessage(lang, catalog, v.decision as MessageCode, params);
  if (code === 'fault.applied') v.effectText = formatMessage(lang, catalog, v.effect as MessageCode, params);
  return String(formatter(lang, catalog, code).format(v));
}
