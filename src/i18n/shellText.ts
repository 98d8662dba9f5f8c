/**
 * The first screen's few texts, shown before the store (and the full catalogs) load: only the
 * shell catalog is imported here, so the first chunk stays small.
 */
import { shell } from './catalog/shell';
import { browserLanguages, browserStorage, initialLanguage, type Language } from './language';

export type ShellKey = keyof typeof shell.en;

export function shellText(language: Language, key: ShellKey): string {
  return (language === 'zh-CN' ? shell.zh : shell.en)[key];
}

/** The language the app will start in (the same rule as the store's). */
export function startLanguage(): Language {
  return initialLanguage(browserStorage(), browserLanguages());
}
