/**
 * Text that mixes the UI's words with data: a message is translated with a marker in place of each
 * data parameter, then split into parts at the markers, so the view can put `translate="no"` on
 * the data (names, paths, Kubernetes values) and also `lang="en"` on English prose (the engine's
 * and Kubernetes' messages), leaving page translators and the untranslated-text checks only the
 * words. Pure: no React (the graph projection uses it; `src/ui/common/PartsText.tsx` renders it).
 */

/** `data`: a name or value, never translated; `english`: English prose from Kubernetes or the engine. */
export type TextPartKind = 'text' | 'data' | 'english';

export interface TextPart {
  text: string;
  kind: TextPartKind;
}

/** Stands for `value` inside a message being filled; `messageParts` puts the value back as a part of its own. */
export type Mark = (value: string, kind?: Exclude<TextPartKind, 'text'>) => string;

// Private-use characters: never in a catalog message. Only the filled message is split at them,
// never a value, so a value that looks like a marker still stays as it is.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/**
 * A translated message with its data kept apart:
 * `messageParts((mark) => t('canvas.mountedIn', { container: mark(name) }))`. Values that are not
 * data (counts for plurals, translated words) go to `t` unmarked; a message nested in another (a
 * reason inside a notice) is filled with the same `mark`. Neighbouring parts of a kind read as
 * one, and an empty value leaves nothing behind.
 */
export function messageParts(fill: (mark: Mark) => string): TextPart[] {
  const marked: TextPart[] = [];
  const mark: Mark = (value, kind = 'data') => {
    marked.push({ text: value, kind });
    return `${OPEN}${marked.length - 1}${CLOSE}`;
  };
  const text = fill(mark);
  const out: TextPart[] = [];
  const push = (part: TextPart | undefined) => {
    if (!part || part.text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  };
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    push({ text: text.slice(at, m.index), kind: 'text' });
    push(marked[Number(m[1])]);
    at = m.index + m[0].length;
  }
  push({ text: text.slice(at), kind: 'text' });
  return out;
}

/** Data alone (nothing when empty). */
export function dataParts(text: string | undefined): TextPart[] {
  return text ? [{ text, kind: 'data' }] : [];
}

/** Words alone (already translated). */
export function wordParts(text: string): TextPart[] {
  return [{ text, kind: 'text' }];
}

/** Lines joined with ` · ` (empty lines left out): the separator is neither word nor data. */
export function joinParts(lines: readonly (readonly TextPart[])[], separator = ' · '): TextPart[] {
  const out: TextPart[] = [];
  for (const line of lines.filter((l) => l.length > 0)) {
    if (out.length) out.push({ text: separator, kind: 'text' });
    out.push(...line);
  }
  return out;
}

/** Nothing but data and punctuation between it (`1Gi · RWO`): the whole run can be marked as data. */
export function isOnlyData(parts: readonly TextPart[]): boolean {
  return parts.every((p) => p.kind !== 'text' || !/[\p{L}]/u.test(p.text));
}

/** The plain text (titles, accessible names, tests). */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}
