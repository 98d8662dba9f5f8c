/**
 * The React side of the language layer: the language lives in the playground store (languageSlice),
 * so switching it re-renders every component that translates, and nothing else in the store changes.
 */
import { useEffect } from 'react';
import { usePlayground } from '../store';
import type { Language } from './language';
import { translator } from './translate';
import type { Translate } from './types';

export function useLanguage(): Language {
  return usePlayground((s) => s.language);
}

/** The `t` of the current language (the same function object while the language stays). */
export function useT(): Translate {
  return translator(useLanguage());
}

/** Keeps `<html lang>` on the current language, so screen readers and fonts pick the right voice and glyphs. */
export function useDocumentLanguage(): void {
  const language = useLanguage();
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }, [language]);
}
