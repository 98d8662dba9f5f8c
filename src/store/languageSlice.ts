import { browserLanguages, initialLanguage, isLanguage, saveLanguage, type Language } from '../i18n/language';
import type { PlaygroundDeps, SliceSet } from './types';

export interface LanguageSlice {
  /** The UI language: the learner's saved choice, else the browser's languages (zh* → zh-CN, else en). */
  language: Language;
  /** Switches the UI language at any time; nothing else in the store changes. Kept in storage. */
  setLanguage(language: Language): void;
}

export function createLanguageSlice(set: SliceSet, deps: Pick<PlaygroundDeps, 'storage' | 'languages'>): LanguageSlice {
  return {
    language: initialLanguage(deps.storage, deps.languages ?? browserLanguages()),
    setLanguage(language) {
      if (!isLanguage(language)) return;
      set({ language });
      saveLanguage(deps.storage, language);
    },
  };
}
