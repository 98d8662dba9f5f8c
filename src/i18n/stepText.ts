/**
 * A Step's message in the UI's language. The engine words every Step in English (the rule that
 * fired, with its numbers); this gives the Chinese wording of the same explanation, and says which
 * language the returned text is in (English when no translation of that message is known).
 *
 * The patterns live in `stepText/`, one file per actor or area; names, kinds, reasons, phases and
 * numbers pass through unchanged, and embedded API errors and Event messages stay in English.
 */
import type { Language } from './language';
import { CLAUSE_RULES, FALLBACK_RULES, MESSAGE_RULES } from './stepText/index';
import { PatternTable, type Clause } from './stepText/patternTable';

export interface LocalizedText {
  text: string;
  language: Language;
}

const messages = new PatternTable([...MESSAGE_RULES, ...FALLBACK_RULES]);
/** Clauses first: a clause pattern is more specific than a message pattern for the same words. */
const nested = new PatternTable([...CLAUSE_RULES, ...MESSAGE_RULES]);

/** An embedded clause (or message) in Chinese where a pattern knows it, else verbatim. */
const clause: Clause = (english) => nested.translate(english, clause) ?? english;

/** Translations already made: a Step list renders the same messages again and again. */
const memo = new Map<string, LocalizedText>();
const MEMO_LIMIT = 20_000;

export function localizeStepMessage(message: string, language: Language): LocalizedText {
  if (language === 'en') return { text: message, language: 'en' };
  const known = memo.get(message);
  if (known) return known;
  const zh = messages.translate(message, clause);
  const localized: LocalizedText = zh === undefined ? { text: message, language: 'en' } : { text: zh, language: 'zh-CN' };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(message, localized);
  return localized;
}
