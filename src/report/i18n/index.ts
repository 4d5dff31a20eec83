/**
 * Message lookup for reports: `t(lang, key, params)` fills `{placeholders}` of the catalog string.
 * Catalog strings are plain text; callers escape parameters for their output format.
 */
import { en, type MessageKey } from './en.ts';
import { ko } from './ko.ts';

export type { MessageKey } from './en.ts';

/** Languages a report can be written in. */
export type Lang = 'en' | 'ko';

/** Parameters of a message: placeholder name → value. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The catalogs by language (tests compare them key by key). */
export const catalogs: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ko };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a template uses, sorted and without duplicates. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].sort();
}

/** Is `key` a message key of the catalogs? (for keys built at run time, e.g. `why.hint.<id>`) */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * The message `key` in `lang` with its placeholders replaced by `params`.
 * Throws when a placeholder has no parameter: a report must never print a raw `{name}`.
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[lang][key];
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message ${lang}:${key} needs parameter {${name}}`);
    return String(value);
  });
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `t` bound to `lang`. */
export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}
