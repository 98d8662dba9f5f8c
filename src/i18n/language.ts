/**
 * The UI's languages and how the first one is chosen: a language the learner picked before (kept
 * in localStorage), else the browser's preferred languages in order — the first Chinese (`zh`,
 * `zh-CN`, `zh-TW`, `zh-Hans`…) or English one decides — else English.
 */

export type Language = 'en' | 'zh-CN';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** The language's own name, as a language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '中文' };

export const LANGUAGE_STORAGE_KEY = 'kube-playground:language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh-CN';
}

/** The language for a list of BCP 47 tags in preference order (`navigator.languages`). */
export function detectLanguage(preferred: readonly string[] | undefined | null): Language {
  for (const tag of preferred ?? []) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The language the learner picked, or null when none was saved (or storage is blocked). */
export function loadLanguage(storage: LanguageStorage | null | undefined): Language | null {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function saveLanguage(storage: LanguageStorage | null | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage full or blocked: the choice lasts for this visit only
  }
}

/** The saved choice, else the browser's languages. */
export function initialLanguage(storage: LanguageStorage | null | undefined, preferred: readonly string[] | undefined | null): Language {
  return loadLanguage(storage) ?? detectLanguage(preferred);
}

/** The browser's preferred languages; empty outside a browser. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** localStorage when it can be used; null when it is missing or blocked. */
export function browserStorage(): LanguageStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
