/** A trace message's text in a language (the English one is the event's `text`). */
import { type CatalogLang, formatMessage, type MessageCatalog, type MessageCode } from './i18n/catalog.ts';
import { EN } from './i18n/en.ts';
import { KO } from './i18n/ko.ts';
import type { ParamValue } from './messages.ts';

export const CATALOGS: Readonly<Record<CatalogLang, MessageCatalog>> = { en: EN, ko: KO };

/** Any message: a trace event's, or a nested one (a fault's effect, a controller's decision). */
export interface RenderableMessage {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export function renderMessage(lang: CatalogLang, m: RenderableMessage): string {
  return formatMessage(lang, CATALOGS[lang], m.code, m.params);
}
