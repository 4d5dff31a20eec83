/** A trace message's text in a language (the English one is the event's `text`). */
import { type CatalogLang, formatMessage, type MessageCatalog } from './i18n/catalog.ts';
import { EN } from './i18n/en.ts';
import { KO } from './i18n/ko.ts';
import type { TraceMessage } from './messages.ts';

export const CATALOGS: Readonly<Record<CatalogLang, MessageCatalog>> = { en: EN, ko: KO };

export function renderMessage(lang: CatalogLang, m: Pick<TraceMessage, 'code' | 'params'>): string {
  return formatMessage(lang, CATALOGS[lang], m.code, m.params);
}
