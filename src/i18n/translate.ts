/**
 * Translators: `translator(language)` gives the `t` of a language (one per language, made once).
 * Pure — no React, no DOM — so the graph projection and tests use it too; `englishT` is what pure
 * code falls back to, and its outputs are the app's English texts exactly.
 */
import { en, zh } from './catalog';
import { formatMessage, type Params } from './format';
import type { Language } from './language';
import type { MessageKey, Translate } from './types';

export type { Translate };

const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zh };

function makeTranslator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return ((key: MessageKey, params?: Params) => {
    // A key missing from a catalog is a programming fault (the types and the catalog test catch it);
    // English, then the key itself, keeps the screen readable meanwhile.
    const message = catalog[key] ?? en[key] ?? key;
    return formatMessage(message, params, language);
  }) as Translate;
}

const translators = new Map<Language, Translate>();

export function translator(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    t = makeTranslator(language);
    translators.set(language, t);
  }
  return t;
}

/** The English translator: the default wherever no language is passed in. */
export const englishT: Translate = translator('en');

/** The raw message of a key in a language (tests, and tools that list the catalogs). */
export function message(language: Language, key: MessageKey): string {
  return CATALOGS[language][key];
}

export function catalogOf(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGS[language];
}
