import { useMemo } from 'react';
import { localizeStepMessage, type LocalizedText } from '../../i18n/stepText';
import { useLanguage } from '../../i18n/useT';

/** A Step's message in the UI's language (the engine's English when no translation is known). */
export function useStepMessage(message: string): LocalizedText {
  const language = useLanguage();
  return useMemo(() => localizeStepMessage(message, language), [message, language]);
}

/** The attributes of the element that shows it: English stays data (`lang="en"`, `translate="no"`). */
export function messageAttrs(text: LocalizedText): { lang?: string; translate?: 'no' } {
  return text.language === 'en' ? { lang: 'en', translate: 'no' } : {};
}
