/** Picking a lesson text's language. */
import type { Language, Text } from './types';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

export function pick(text: Text, language: Language): string {
  return text[language];
}

/** `zh`, `zh-CN`, `zh-Hans-CN`… read Chinese; everything else English. */
export function languageOf(locale: string | undefined | null): Language {
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

/** Whether a text holds Chinese characters (CJK Unified Ideographs), not just Latin ones. */
export function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s);
}
