/**
 * An object as `kubectl get -o yaml` prints it. kubectl converts JSON to YAML through go-yaml v2,
 * so keys come out in go-yaml's natural order (hence apiVersion, kind, metadata, spec, status),
 * sequences are not indented under their key, and long plain or single-quoted strings are folded
 * at spaces past column 80 with the continuation indented two more than the key.
 */
import { doubleQuoted, literalHeader, scalarStyle } from './yamlScalar';

const BEST_WIDTH = 80;
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

/** upstream go-yaml v2 `keyList.Less` for string keys: numbers inside keys compare by value. */
export function compareKeys(a: string, b: string): number {
  const ar = Array.from(a), br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]), bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0, bn = 0, ai = i, bi = i;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break; }
      }
    }
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Emitter {
  out = '';
  private column = 0;

  write(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }

  /** Starts a new line at `indent` (not before the very first line). */
  indent(indent: number): void {
    if (this.out !== '') this.out += '\n';
    this.out += ' '.repeat(indent);
    this.column = indent;
  }

  /** Plain or single-quoted text, folded at a space once past the best width (go-yaml's rule). */
  private folded(text: string, cont: number, quoted: boolean): void {
    const chars = Array.from(text);
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        const inside = !quoted || (i > 0 && i < chars.length - 1);
        if (!spaces && this.column > BEST_WIDTH && inside && chars[i + 1] !== ' ') this.indent(cont);
        else this.write(ch);
        spaces = true;
      } else {
        this.write(quoted && ch === "'" ? "''" : ch);
        spaces = false;
      }
    });
  }

  /** A string after `key: ` or `- `; `cont` is the indent of continuation lines. */
  string(text: string, cont: number, key = false): void {
    const style = scalarStyle(text, key);
    if (style === 'double') this.write(doubleQuoted(text));
    else if (style === 'plain' && key) this.write(text);
    else if (style === 'plain') this.folded(text, cont, false);
    else if (style === 'single') {
      this.write("'");
      if (key) this.write(text.replace(/'/g, "''"));
      else this.folded(text, cont, true);
      this.write("'");
    } else this.literal(text, cont);
  }

  private literal(text: string, cont: number): void {
    this.write(literalHeader(text));
    // the chomping indicator already says whether the text ends with a line break
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    for (const line of body.split('\n')) {
      this.out += '\n';
      this.column = 0;
      if (line !== '') this.write(' '.repeat(cont) + line);
    }
  }

  scalar(value: Json, cont: number): void {
    if (value === null) this.write('null');
    else if (typeof value === 'string') this.string(value, cont);
    else this.write(String(value));
  }

  /** A value after `key:` (with the space the value needs) or after `-`. */
  value(value: Json, indent: number, inSequence: boolean): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.write(' []');
      // upstream: a sequence under a key is not indented; one inside a sequence stays on the dash line
      if (inSequence) { this.write(' '); this.sequence(value, indent + 2, true); }
      else this.sequence(value, indent, false);
    } else if (isMap(value)) {
      if (Object.keys(value).length === 0) return this.write(' {}');
      if (inSequence) { this.write(' '); this.mapping(value, indent + 2, true); }
      else this.mapping(value, indent + 2, false);
    } else {
      this.write(' ');
      this.scalar(value, indent + 2);
    }
  }

  mapping(map: Record<string, Json>, indent: number, inline: boolean): void {
    const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareKeys);
    keys.forEach((key, i) => {
      if (i > 0 || !inline) this.indent(indent);
      this.string(key, indent + 2, true);
      this.write(':');
      this.value(map[key], indent, false);
    });
  }

  sequence(items: Json[], indent: number, inline: boolean): void {
    items.forEach((item, i) => {
      if (i > 0 || !inline) this.indent(indent);
      this.write('-');
      this.value(item === undefined ? null : item, indent, true);
    });
  }
}

/** YAML text of a JSON-like value, as kubectl prints it (ends with a newline). */
export function toYaml(value: unknown): string {
  const json = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const e = new Emitter();
  if (isMap(json)) {
    if (Object.keys(json).length === 0) return '{}\n';
    e.mapping(json, 0, true);
  } else if (Array.isArray(json)) {
    if (json.length === 0) return '[]\n';
    e.sequence(json, 0, true);
  } else {
    e.scalar(json, 2);
  }
  return `${e.out}\n`;
}
