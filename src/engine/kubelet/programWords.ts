/**
 * Word expansion as sh does it: tilde, parameters (`$X`, `${X:-d}`, `${#X}`, `${X%p}`, arrays),
 * command substitution, arithmetic, quote removal, field splitting and pathname globbing.
 */
import { matchClose, skipDouble } from './programLexer';

export interface ExpandHost {
  getVar(name: string): string | undefined;
  getArray(name: string): string[] | undefined;
  setVar(name: string, value: string): void;
  /** `?`, `$`, `!`, `#`, `-`, `0`…`9`; `@`/`*` return the positional list. */
  special(name: string): string | string[] | undefined;
  commandSubst(script: string): string;
  arith(expr: string): number;
  glob(pattern: string): string[];
  readFile(path: string): string;
  /** Called for `${X:?msg}` and `set -u`; throws. */
  fail(message: string): never;
  nounset: boolean;
}

type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

/** Expands to fields (command words, for-lists). */
export function expandFields(raw: string, host: ExpandHost): string[] {
  const segs = segments(raw, host, false);
  return splitAndGlob(segs, host);
}

/** Expands to one string, no splitting or globbing (assignments, redirections, case words). */
export function expandSingle(raw: string, host: ExpandHost): string {
  return segments(raw, host, false).map((s) => ('brk' in s ? ' ' : s.text)).join('');
}

/** Expands to a glob pattern: quoted characters are escaped so they match literally. */
export function expandPattern(raw: string, host: ExpandHost): string {
  return segments(raw, host, false).map((s) => ('brk' in s ? ' ' : s.quoted ? escapeGlob(s.text) : s.text)).join('');
}

/** Expands the body of a here-document or `$((…))`: parameters and substitutions, quotes kept. */
export function expandText(body: string, host: ExpandHost): string {
  return segments(body, host, true).map((s) => ('brk' in s ? ' ' : s.text)).join('');
}

export function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

function segments(raw: string, host: ExpandHost, heredoc: boolean): Seg[] {
  const out: Seg[] = [];
  const lit = (text: string, quoted: boolean) => out.push({ text, quoted, split: false });
  let i = 0;
  if (!heredoc && raw[0] === '~' && (raw.length === 1 || raw[1] === '/')) { lit(host.getVar('HOME') ?? '/root', true); i = 1; }
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') {
      if (heredoc && !'$`\\\n'.includes(raw[i + 1] ?? '')) { lit('\\', true); i++; continue; }
      if (raw[i + 1] !== '\n') lit(raw[i + 1] ?? '', true);
      i += 2; continue;
    }
    if (c === "'" && !heredoc) { const j = raw.indexOf("'", i + 1); lit(raw.slice(i + 1, j), true); i = j + 1; continue; }
    if (c === '"' && !heredoc) { const end = skipDouble(raw, i + 1); out.push(...doubleQuoted(raw.slice(i + 1, end - 1), host)); i = end; continue; }
    if (c === '$' || c === '`') { const [segs, next] = dollar(raw, i, host, heredoc); out.push(...segs); i = next; continue; }
    let j = i + 1;
    while (j < raw.length && !'\\\'"$`'.includes(raw[j])) j++;
    lit(raw.slice(i, j), heredoc);
    i = j;
  }
  return out;
}

function doubleQuoted(body: string, host: ExpandHost): Seg[] {
  const out: Seg[] = [];
  let i = 0;
  let buf = '';
  const flush = () => { if (buf) out.push({ text: buf, quoted: true, split: false }); buf = ''; };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && '$`"\\\n'.includes(body[i + 1] ?? '')) { if (body[i + 1] !== '\n') buf += body[i + 1]; i += 2; continue; }
    if (c === '$' || c === '`') {
      flush();
      const [segs, next] = dollar(body, i, host, true);
      out.push(...segs.map((s) => ('brk' in s ? s : { ...s, quoted: true, split: false })));
      i = next; continue;
    }
    buf += c; i++;
  }
  flush();
  if (out.length === 0) out.push({ text: '', quoted: true, split: false });
  return out;
}

/** One `$…` or backtick expansion starting at i; returns its segments and the index after it. */
function dollar(s: string, i: number, host: ExpandHost, quoted: boolean): [Seg[], number] {
  const val = (text: string): Seg[] => [{ text, quoted, split: !quoted }];
  if (s[i] === '`') {
    const j = s.indexOf('`', i + 1);
    return [val(substitute(s.slice(i + 1, j).replace(/\\([$`\\])/g, '$1'), host)), j + 1];
  }
  const n = s[i + 1];
  if (n === '(' && s[i + 2] === '(') {
    const end = matchClose(s, i + 3, '(', ')');
    if (s[end] === ')') return [val(String(host.arith(expandText(s.slice(i + 3, end - 1), host)))), end + 1];
  }
  if (n === '(') { const end = matchClose(s, i + 2, '(', ')'); return [val(substitute(s.slice(i + 2, end - 1), host)), end]; }
  if (n === '{') { const end = matchClose(s, i + 2, '{', '}'); return [braced(s.slice(i + 2, end - 1), host, quoted), end]; }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$!#@*-])/.exec(s.slice(i + 1));
  if (!name) return [[{ text: '$', quoted: true, split: false }], i + 1];
  return [param(name[1], host, quoted), i + 1 + name[1].length];
}

function substitute(script: string, host: ExpandHost): string {
  const redirect = /^\s*<\s*(\S+)\s*$/.exec(script);
  const out = redirect ? host.readFile(expandSingle(redirect[1], host)) : host.commandSubst(script);
  return out.replace(/\n+$/, '');
}

function lookup(name: string, host: ExpandHost): string | string[] | undefined {
  if (/^[0-9?$!#@*-]$/.test(name) || /^[0-9]+$/.test(name)) return host.special(name);
  return host.getVar(name);
}

function param(name: string, host: ExpandHost, quoted: boolean): Seg[] {
  const v = lookup(name, host);
  if (Array.isArray(v)) return listSegs(v, name === '*' ? ' ' : undefined, quoted);
  if (v === undefined && host.nounset && !/^[@*]$/.test(name)) host.fail(`${name}: parameter not set`);
  return [{ text: v ?? '', quoted, split: !quoted }];
}

/** `"$@"` / `"${a[@]}"` keep one field per element; `"$*"` joins with a space. */
function listSegs(items: string[], join: string | undefined, quoted: boolean): Seg[] {
  if (!quoted) return [{ text: items.join(' '), quoted: false, split: true }];
  if (join !== undefined) return [{ text: items.join(join), quoted: true, split: false }];
  const out: Seg[] = [];
  items.forEach((it, k) => { if (k > 0) out.push({ brk: true }); out.push({ text: it, quoted: true, split: false }); });
  return out;
}

function braced(body: string, host: ExpandHost, quoted: boolean): Seg[] {
  const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*-])(?:\[([^\]]*)\])?([\s\S]*)$/.exec(body);
  if (!m) host.fail(`\${${body}}: bad substitution`);
  const [, hash, name, sub, rest] = m;
  const arr = sub === undefined ? undefined : host.getArray(name) ?? (host.getVar(name) !== undefined ? [host.getVar(name) as string] : []);
  let value: string | string[] | undefined;
  if (arr) value = sub === '@' || sub === '*' ? arr : arr[host.arith(expandText(sub, host))];
  else value = lookup(name, host);
  if (hash) {
    const n = Array.isArray(value) ? value.length : (value ?? '').length;
    return [{ text: String(n), quoted, split: !quoted }];
  }
  if (Array.isArray(value) && !rest) return listSegs(value, sub === '*' ? ' ' : undefined, quoted);
  const str = Array.isArray(value) ? value.join(' ') : value;
  const op = /^(:?[-=+?]|##?|%%?|\/\/?|:|\^\^?|,,?)?([\s\S]*)$/.exec(rest) as RegExpExecArray;
  const [, operator = '', word] = op;
  const unsetOrNull = str === undefined || (operator.startsWith(':') && str === '');
  const arg = () => expandSingle(word, host);
  switch (operator) {
    case '': if (str === undefined && host.nounset) host.fail(`${name}: parameter not set`); return [{ text: str ?? '', quoted, split: !quoted }];
    case '-': case ':-': return unsetOrNull ? segments(word, host, false).map((s) => ('brk' in s ? s : quoted ? { ...s, quoted: true, split: false } : s)) : [{ text: str as string, quoted, split: !quoted }];
    case '=': case ':=': if (unsetOrNull) { host.setVar(name, arg()); } return [{ text: host.getVar(name) ?? '', quoted, split: !quoted }];
    case '+': case ':+': return unsetOrNull ? [{ text: '', quoted, split: !quoted }] : [{ text: arg(), quoted, split: !quoted }];
    case '?': case ':?': if (unsetOrNull) host.fail(`${name}: ${arg() || 'parameter null or not set'}`); return [{ text: str as string, quoted, split: !quoted }];
  }
  const s = str ?? '';
  let text = s;
  if (operator === '#' || operator === '##' || operator === '%' || operator === '%%') text = trim(s, expandPattern(word, host), operator);
  else if (operator === '/' || operator === '//') {
    const slash = findUnescapedSlash(word);
    const pat = expandPattern(slash < 0 ? word : word.slice(0, slash), host);
    const rep = slash < 0 ? '' : expandSingle(word.slice(slash + 1), host);
    const re = globToRegExp(pat, operator === '//' ? 'g' : '', false);
    text = s.replace(re, () => rep);
  } else if (operator === ':') {
    const [off, len] = word.split(':').map((x) => host.arith(x));
    const start = off < 0 ? Math.max(0, s.length + off) : off;
    text = len === undefined ? s.slice(start) : len < 0 ? s.slice(start, s.length + len) : s.substr(start, len);
  } else if (operator === '^^') text = s.toUpperCase();
  else if (operator === '^') text = s.charAt(0).toUpperCase() + s.slice(1);
  else if (operator === ',,') text = s.toLowerCase();
  else if (operator === ',') text = s.charAt(0).toLowerCase() + s.slice(1);
  return [{ text, quoted, split: !quoted }];
}

function findUnescapedSlash(s: string): number {
  for (let i = 0; i < s.length; i++) { if (s[i] === '\\') i++; else if (s[i] === '/') return i; }
  return -1;
}

function trim(s: string, pattern: string, op: string): string {
  const re = globToRegExp(pattern, '', false);
  const whole = (t: string) => { const m = re.exec(t); return m !== null && m[0] === t; };
  if (op === '#' || op === '##') {
    const lens = [...Array(s.length + 1).keys()];
    for (const n of op === '#' ? lens : lens.reverse()) if (whole(s.slice(0, n))) return s.slice(n);
  } else {
    const lens = [...Array(s.length + 1).keys()].reverse();
    for (const n of op === '%' ? lens : lens.reverse()) if (whole(s.slice(n))) return s.slice(0, n);
  }
  return s;
}

/** sh pattern → RegExp; anchored matches the whole string. */
export function globToRegExp(pattern: string, flags = '', anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { re += escapeRe(pattern[++i] ?? '\\'); continue; }
    if (c === '*') { re += '[\\s\\S]*'; continue; }
    if (c === '?') { re += '[\\s\\S]'; continue; }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end > 0) {
        let cls = pattern.slice(i + 1, end).replace(/\[:(\w+):\]/g, (_, n: string) => POSIX_CLASSES[n] ?? '');
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end; continue;
      }
    }
    re += escapeRe(c);
  }
  try {
    return new RegExp(anchored ? `^${re}$` : re, flags);
  } catch {
    return new RegExp(anchored ? `^${escapeRe(pattern)}$` : escapeRe(pattern), flags);
  }
}

const POSIX_CLASSES: Record<string, string> = { alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' };

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const ifsCache = new Map<string, RegExp>();
function ifsRegExp(ifs: string): RegExp {
  let re = ifsCache.get(ifs);
  if (!re) { re = new RegExp(`[${escapeRe(ifs).replace(/\n/g, '\\n').replace(/\t/g, '\\t')}]+`); ifsCache.set(ifs, re); }
  return re;
}

function splitAndGlob(segs: Seg[], host: ExpandHost): string[] {
  const ifs = host.getVar('IFS') ?? ' \t\n';
  const fields: { text: string; pattern: string; globby: boolean }[] = [];
  let cur: { text: string; pattern: string; globby: boolean } | undefined;
  const start = () => (cur ??= { text: '', pattern: '', globby: false });
  const end = () => { if (cur) fields.push(cur); cur = undefined; };
  for (const s of segs) {
    if ('brk' in s) { end(); start(); continue; }
    if (!s.split) {
      const c = start();
      c.text += s.text;
      c.pattern += s.quoted ? escapeGlob(s.text) : s.text;
      if (!s.quoted && /[*?[]/.test(s.text)) c.globby = true;
      continue;
    }
    const parts = ifs === '' ? [s.text] : s.text.split(ifsRegExp(ifs));
    parts.forEach((p, k) => {
      if (k > 0) end();
      if (p === '') return;
      const c = start();
      c.text += p; c.pattern += p;
      if (/[*?[]/.test(p)) c.globby = true;
    });
    if (parts.length > 1 && parts[parts.length - 1] === '') end();
  }
  end();
  return fields.flatMap((f) => {
    if (!f.globby) return [f.text];
    const matches = host.glob(f.pattern);
    return matches.length ? matches : [f.text];
  });
}
