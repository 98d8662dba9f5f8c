/**
 * A table of message patterns, each a regular expression over the whole English text with a
 * Chinese template, indexed for speed: a rule whose regex starts with a literal word is only tried
 * for texts starting with that word (and, where the regex fixes them, with the same first two words).
 */

/**
 * Translates a clause embedded in a message (the `why` of a scale, one item of a list): the
 * Chinese wording when a pattern knows it, else the English text unchanged (an embedded API error
 * or Event message stays verbatim on purpose).
 */
export type Clause = (english: string) => string;

/**
 * The Chinese wording: a template where `{1}` inserts capture group 1 as it is and `{1*}` inserts
 * it translated as a clause (a missing group inserts nothing), or a function of the groups.
 */
export type Template = string | ((groups: readonly string[], clause: Clause) => string);

/** One pattern: the English regex (anchored on the whole text for you) and its Chinese template. */
export type Rule = readonly [RegExp, Template];

interface Compiled {
  order: number;
  re: RegExp;
  zh: Template;
}

const PLACEHOLDER = /\{(\d+)(\*?)\}/g;

export function fill(zh: Template, groups: readonly string[], clause: Clause): string {
  if (typeof zh === 'function') return zh(groups, clause);
  return zh.replace(PLACEHOLDER, (_, n: string, star: string) => {
    const value = groups[Number(n)] ?? '';
    return star && value ? clause(value) : value;
  });
}

/** The literal text a regex source starts with (escapes resolved), and whether that is all of it. */
export function literalPrefix(source: string): { text: string; whole: boolean } {
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    let lit: string | undefined;
    let width = 1;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return { text, whole: false };
      lit = next;
      width = 2;
    } else if (!'()[]{}.*+?|^$'.includes(ch)) {
      lit = ch;
    }
    if (lit === undefined) return { text, whole: false };
    const after = source[i + width];
    // a quantified last character is optional, so it is not part of the prefix
    if (after === '?' || after === '*' || after === '{') return { text, whole: false };
    text += lit;
    i += width - 1;
  }
  return { text, whole: true };
}

function firstWords(text: string, count: number): string | undefined {
  let at = -1;
  for (let n = 0; n < count; n++) {
    at = text.indexOf(' ', at + 1);
    if (at < 0) return undefined;
  }
  return text.slice(0, at);
}

/** Whether a regex source is an alternation at its top level (then it has no common first word). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** The index keys of a rule: its first word and first two words, where its literal prefix fixes them. */
function keysOf(source: string): { one?: string; two?: string } {
  if (topLevelAlternation(source)) return {};
  const { text, whole } = literalPrefix(source);
  const full = whole ? `${text} ` : text;
  return { one: firstWords(full, 1), two: firstWords(full, 2) };
}

export class PatternTable {
  private readonly byTwo = new Map<string, Compiled[]>();
  private readonly byOne = new Map<string, Compiled[]>();
  private readonly anywhere: Compiled[] = [];

  constructor(rules: readonly Rule[]) {
    rules.forEach(([re, zh], order) => {
      const compiled = { order, re: new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')), zh };
      const { one, two } = keysOf(re.source);
      if (two !== undefined) push(this.byTwo, two, compiled);
      else if (one !== undefined) push(this.byOne, one, compiled);
      else this.anywhere.push(compiled);
    });
  }

  /** The rules that may match `text`, in table order. */
  candidates(text: string): Compiled[] {
    const two = this.byTwo.get(firstWords(`${text} `, 2) ?? '') ?? [];
    const one = this.byOne.get(firstWords(`${text} `, 1) ?? '') ?? [];
    if (!one.length && !this.anywhere.length) return two;
    return [...two, ...one, ...this.anywhere].sort((a, b) => a.order - b.order);
  }

  /** The Chinese wording of `text`, or undefined when no rule matches it. */
  translate(text: string, clause: Clause): string | undefined {
    for (const rule of this.candidates(text)) {
      const m = rule.re.exec(text);
      if (m) return fill(rule.zh, m as unknown as string[], clause);
    }
    return undefined;
  }

  get size(): number {
    let n = this.anywhere.length;
    for (const list of this.byOne.values()) n += list.length;
    for (const list of this.byTwo.values()) n += list.length;
    return n;
  }
}

function push(map: Map<string, Compiled[]>, key: string, rule: Compiled): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}
