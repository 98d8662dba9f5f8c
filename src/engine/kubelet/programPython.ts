/**
 * A small Python subset for `python -c` one-liners and short scripts in Jobs: print, if/elif/else,
 * while/for, def, sys.exit, time.sleep, os.environ / os.getenv, int/str/len/range, f-strings.
 * stdout is block-buffered as CPython's is without a tty (nothing shows until exit or 8 KiB) unless
 * `-u`, PYTHONUNBUFFERED or `flush=True`; tracebacks go to stderr at once.
 */

import { parseBlocks, PyError, tokenize, type Stmt } from './programPythonParse';

export class PyExit { constructor(readonly code: number) {} }
export class PyUnsupported extends Error {}
class Flow { constructor(readonly kind: 'break' | 'continue' | 'return', readonly value: unknown = null) {} }
class PyFloat { constructor(readonly v: number) {} }

export interface PyHost {
  env: Record<string, string>;
  argv: string[];
  write(text: string, stream: 'stdout' | 'stderr', flush: boolean): void;
  sleep(ms: number): void;
  tick(): void;
  readFile(path: string): string | undefined;
  hostname: string;
}


/** Runs a program; returns the exit status (raises nothing to the caller). */
export function runPython(src: string, host: PyHost, file = '<string>'): number {
  let blocks: Stmt[];
  try { blocks = parseBlocks(src); } catch (e) {
    if (e instanceof PyError) { host.write(`  File "${file}", line ${e.line}\n${e.type}: ${e.message}\n`, 'stderr', true); return 1; }
    throw e;
  }
  const scope = new Map<string, unknown>();
  try {
    new Interp(host, scope).block(blocks);
    return 0;
  } catch (e) {
    if (e instanceof PyExit) return e.code;
    if (e instanceof PyError) {
      host.write(`Traceback (most recent call last):\n  File "${file}", line ${e.line}, in <module>\n${e.type}: ${e.message}\n`, 'stderr', true);
      return 1;
    }
    throw e;
  }
}

const truthy = (v: unknown): boolean => (v instanceof PyFloat ? v.v !== 0 : Array.isArray(v) ? v.length > 0 : v instanceof Map ? v.size > 0 : !!v);
const numv = (v: unknown): number => (v instanceof PyFloat ? v.v : typeof v === 'boolean' ? +v : (v as number));
const typeName = (v: unknown): string => (v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : v instanceof PyFloat ? 'float' : Array.isArray(v) ? 'list' : typeof v === 'number' ? 'int' : 'object');

export function pyStr(v: unknown, repr = false): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof PyFloat) return Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
  if (typeof v === 'string') return repr ? `'${v}'` : v;
  if (Array.isArray(v)) return `[${v.map((x) => pyStr(x, true)).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyStr(k, true)}: ${pyStr(x, true)}`).join(', ')}}`;
  return String(v);
}

class Interp {
  constructor(private readonly host: PyHost, private readonly scope: Map<string, unknown>) {}
  private line = 0;
  private depth = 0;

  block(stmts: Stmt[]): void {
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i];
      this.line = s.line;
      this.host.tick();
      const kw = /^(\w+)/.exec(s.text)?.[1];
      if (kw === 'if') {
        let j = i;
        let taken = false;
        for (; j < stmts.length; j++) {
          const c = stmts[j];
          const m = /^(if|elif|else)\b\s*(.*):$/.exec(c.text);
          if (!m || (j > i && m[1] === 'if')) break;
          if (!taken && (m[1] === 'else' || truthy(this.expr(m[2])))) { taken = true; this.block(c.body ?? []); }
          if (m[1] === 'else') { j++; break; }
        }
        i = j - 1;
        continue;
      }
      this.stmt(s);
    }
  }

  private stmt(s: Stmt): void {
    const t = s.text;
    let m: RegExpExecArray | null;
    if (/^(import|from)\b/.test(t) || t === 'pass') return;
    if ((m = /^while\s+(.*):$/.exec(t))) {
      while (truthy(this.expr(m[1]))) { this.host.tick(); if (this.loopBody(s.body ?? [])) break; }
      return;
    }
    if ((m = /^for\s+(\w+)\s+in\s+(.*):$/.exec(t))) {
      const it = this.expr(m[2]);
      for (const v of typeof it === 'string' ? [...it] : (it as unknown[])) { this.scope.set(m[1], v); if (this.loopBody(s.body ?? [])) break; }
      return;
    }
    if ((m = /^def\s+(\w+)\s*\((.*)\)\s*:$/.exec(t))) {
      const params = m[2].split(',').map((p) => p.trim()).filter(Boolean);
      const body = s.body ?? [];
      this.scope.set(m[1], (...args: unknown[]) => {
        if (++this.depth > 200) throw new PyError('RecursionError', 'maximum recursion depth exceeded', this.line);
        params.forEach((p, k) => this.scope.set(p, args[k] ?? null));
        try { this.block(body); } catch (e) { if (e instanceof Flow && e.kind === 'return') return e.value; throw e; } finally { this.depth--; }
        return null;
      });
      return;
    }
    if (t === 'break' || t === 'continue') throw new Flow(t);
    if ((m = /^return\b\s*(.*)$/.exec(t))) throw new Flow('return', m[1] ? this.expr(m[1]) : null);
    if ((m = /^raise\b\s*(\w+)?(?:\((.*)\))?$/.exec(t))) throw new PyError(m[1] ?? 'RuntimeError', m[2] ? pyStr(this.expr(m[2])) : '', this.line);
    if (/^(try|except|finally|with|class|lambda|async|yield|global|nonlocal|assert)\b/.test(t)) throw new PyUnsupported(t);
    if ((m = /^([A-Za-z_]\w*)\s*([-+*/%]|\/\/)?=(?!=)\s*(.*)$/.exec(t))) {
      const v = this.expr(m[3]);
      this.scope.set(m[1], m[2] ? this.binop(m[2], this.lookup(m[1]), v) : v);
      return;
    }
    this.expr(t);
  }

  private loopBody(body: Stmt[]): boolean {
    try { this.block(body); return false; } catch (e) {
      if (e instanceof Flow && e.kind !== 'return') return e.kind === 'break';
      throw e;
    }
  }

  private lookup(name: string): unknown {
    if (this.scope.has(name)) return this.scope.get(name);
    const b = this.builtins()[name];
    if (b !== undefined) return b;
    throw new PyError('NameError', `name '${name}' is not defined`, this.line);
  }

  private builtins(): Record<string, unknown> {
    const h = this.host;
    const environ = new Map<unknown, unknown>(Object.entries(h.env));
    const get = (k: unknown, d: unknown = null) => (environ.has(k) ? environ.get(k) : d);
    return {
      True: true, False: false, None: null,
      print: (...args: unknown[]) => {
        const kw = (args[args.length - 1] as { __kw?: Record<string, unknown> })?.__kw;
        const vals = kw ? args.slice(0, -1) : args;
        h.write(vals.map((v) => pyStr(v)).join(kw?.sep !== undefined ? pyStr(kw.sep) : ' ') + (kw?.end !== undefined ? pyStr(kw.end) : '\n'), kw?.file === 'stderr' ? 'stderr' : 'stdout', truthy(kw?.flush));
        return null;
      },
      int: (v: unknown) => {
        if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return parseInt(v, 10);
        if (typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat) return Math.trunc(numv(v));
        if (typeof v === 'string') throw new PyError('ValueError', `invalid literal for int() with base 10: '${v}'`, this.line);
        throw new PyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`, this.line);
      },
      float: (v: unknown) => new PyFloat(Number(typeof v === 'string' ? v : numv(v))),
      str: (v: unknown) => pyStr(v), len: (v: unknown) => (v as string | unknown[]).length, abs: (v: unknown) => Math.abs(numv(v)),
      range: (a: number, b?: number, c = 1) => { const [lo, hi] = b === undefined ? [0, a] : [a, b]; const r: number[] = []; for (let i = lo; c > 0 ? i < hi : i > hi; i += c) r.push(i); return r; },
      exit: (c: unknown = 0) => { throw new PyExit(c === null ? 0 : typeof c === 'number' ? c : (h.write(`${pyStr(c)}\n`, 'stderr', true), 1)); },
      quit: (c: unknown = 0) => { throw new PyExit(typeof c === 'number' ? c : 0); },
      sys: { stderr: { name: 'stderr' }, exit: (c: unknown = 0) => { throw new PyExit(c === null ? 0 : typeof c === 'number' ? c : typeof c === 'boolean' ? +c : (h.write(`${pyStr(c)}\n`, 'stderr', true), 1)); }, argv: h.argv, stdout: { flush: () => { h.write('', 'stdout', true); return null; } } },
      os: { environ, getenv: get, getcwd: () => '/', _exit: (c: number) => { throw new PyExit(c); } },
      time: { sleep: (s: unknown) => { h.sleep(Math.round(numv(s) * 1000)); return null; }, time: () => new PyFloat(0) },
      socket: { gethostname: () => h.hostname },
      open: (p: unknown) => {
        const text = h.readFile(String(p));
        if (text === undefined) throw new PyError('FileNotFoundError', `[Errno 2] No such file or directory: '${p}'`, this.line);
        return { read: () => text, readlines: () => text.split('\n').filter(Boolean).map((l) => `${l}\n`), __enter__: null };
      },
    };
  }

  private binop(op: string, a: unknown, b: unknown): unknown {
    if (op === '+' && typeof a === 'string') {
      if (typeof b !== 'string') throw new PyError('TypeError', `can only concatenate str (not "${typeName(b)}") to str`, this.line);
      return a + b;
    }
    if (op === '+' && Array.isArray(a)) return [...a, ...(b as unknown[])];
    if (op === '*' && typeof a === 'string') return a.repeat(numv(b));
    if (op === '%' && typeof a === 'string') { const args = Array.isArray(b) ? [...b] : [b]; return a.replace(/%[sdif]/g, () => pyStr(args.shift())); }
    if ((typeof a === 'string' || typeof b === 'string' || a === null || b === null) && '+-*/%//**'.includes(op)) {
      throw new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`, this.line);
    }
    const x = numv(a);
    const y = numv(b);
    const float = a instanceof PyFloat || b instanceof PyFloat;
    const wrap = (v: number) => (float ? new PyFloat(v) : v);
    if ((op === '/' || op === '//' || op === '%') && y === 0) throw new PyError('ZeroDivisionError', op === '/' ? 'division by zero' : 'integer division or modulo by zero', this.line);
    switch (op) {
      case '+': return wrap(x + y);
      case '-': return wrap(x - y);
      case '*': return wrap(x * y);
      case '/': return new PyFloat(x / y);
      case '//': return wrap(Math.floor(x / y));
      case '%': return wrap(((x % y) + y) % y);
      case '**': return wrap(x ** y);
    }
    throw new PyUnsupported(op);
  }

  expr(src: string): unknown {
    const toks = tokenize(src, this.line);
    let pos = 0;
    const peek = () => toks[pos];
    const eat = (t: string) => { if (toks[pos] !== t) throw new PyError('SyntaxError', 'invalid syntax', this.line); pos++; };
    const ternary = (): unknown => {
      const v = or();
      if (peek() === 'if') { pos++; const c = or(); eat('else'); const o = ternary(); return truthy(c) ? v : o; }
      return v;
    };
    const or = (): unknown => { let v = and(); while (peek() === 'or') { pos++; const r = and(); v = truthy(v) ? v : r; } return v; };
    const and = (): unknown => { let v = not(); while (peek() === 'and') { pos++; const r = not(); v = truthy(v) ? r : v; } return v; };
    const not = (): unknown => (peek() === 'not' ? (pos++, !truthy(not())) : cmp());
    const cmp = (): unknown => {
      let v = arith(0);
      for (;;) {
        let op = peek();
        if (op === 'not' && toks[pos + 1] === 'in') { pos++; op = 'not in'; }
        if (!['==', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'is'].includes(op ?? '')) return v;
        pos++;
        if (op === 'is' && peek() === 'not') { pos++; op = 'is not'; }
        const r = arith(0);
        const a = v instanceof PyFloat ? v.v : v;
        const b = r instanceof PyFloat ? r.v : r;
        switch (op) {
          case '==': case 'is': v = a === b; break;
          case '!=': case 'is not': v = a !== b; break;
          case '<': v = (a as number) < (b as number); break;
          case '>': v = (a as number) > (b as number); break;
          case '<=': v = (a as number) <= (b as number); break;
          case '>=': v = (a as number) >= (b as number); break;
          case 'in': v = typeof b === 'string' ? b.includes(a as string) : b instanceof Map ? b.has(a) : (b as unknown[]).includes(a); break;
          default: v = typeof b === 'string' ? !b.includes(a as string) : b instanceof Map ? !b.has(a) : !(b as unknown[]).includes(a);
        }
      }
    };
    const PREC: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '//': 2, '%': 2 };
    const arith = (min: number): unknown => {
      let v = unary();
      while (PREC[peek()] !== undefined && PREC[peek()] > min) { const op = toks[pos++]; v = this.binop(op, v, arith(PREC[op])); }
      return v;
    };
    const unary = (): unknown => {
      if (peek() === '-') { pos++; const v = unary(); return v instanceof PyFloat ? new PyFloat(-v.v) : -numv(v); }
      if (peek() === '+') { pos++; return unary(); }
      const base = postfix();
      if (peek() === '**') { pos++; return this.binop('**', base, unary()); }
      return base;
    };
    const args = (close: string): unknown[] => {
      const out: unknown[] = [];
      const kw: Record<string, unknown> = {};
      while (peek() !== close) {
        if (/^\w+$/.test(peek()) && toks[pos + 1] === '=') { const k = toks[pos]; pos += 2; const v = ternary(); kw[k] = k === 'file' && (v as { name?: string })?.name === 'stderr' ? 'stderr' : v; } else out.push(ternary());
        if (peek() === ',') pos++; else break;
      }
      eat(close);
      if (Object.keys(kw).length) out.push({ __kw: kw });
      return out;
    };
    const postfix = (): unknown => {
      let v = atom();
      for (;;) {
        if (peek() === '(') {
          pos++;
          const a = args(')');
          if (typeof v !== 'function') throw new PyError('TypeError', `'${typeName(v)}' object is not callable`, this.line);
          v = (v as (...x: unknown[]) => unknown)(...a);
        } else if (peek() === '[') {
          pos++;
          const k = ternary();
          eat(']');
          if (v instanceof Map) { if (!v.has(k)) throw new PyError('KeyError', pyStr(k, true), this.line); v = v.get(k); } else {
            const arr = v as unknown[];
            const i = numv(k) < 0 ? arr.length + numv(k) : numv(k);
            if (i >= arr.length) throw new PyError('IndexError', `${typeName(v)} index out of range`, this.line);
            v = arr[i];
          }
        } else if (peek() === '.') {
          pos++;
          const name = toks[pos++];
          const obj = v as Record<string, unknown>;
          if (typeof v === 'string') v = this.strMethod(v, name);
          else if (v instanceof Map) v = dictMethod(v, name, this.line);
          else if (v !== null && typeof v === 'object' && name in obj) v = obj[name];
          else throw new PyError('AttributeError', `'${typeName(v)}' object has no attribute '${name}'`, this.line);
        } else return v;
      }
    };
    const atom = (): unknown => {
      const t = toks[pos++];
      if (t === undefined) throw new PyError('SyntaxError', 'invalid syntax', this.line);
      if (/^\d/.test(t) || /^\.\d/.test(t)) return t.includes('.') ? new PyFloat(parseFloat(t)) : parseInt(t, 10);
      const str = /^([rfbRFB]{0,2})(["'])([\s\S]*)\2$/.exec(t);
      if (str) return this.str(str[3], str[1].toLowerCase());
      if (t === '(') { const v = ternary(); if (peek() === ',') { const items = [v]; while (peek() === ',') { pos++; if (peek() === ')') break; items.push(ternary()); } eat(')'); return items; } eat(')'); return v; }
      if (t === '[') return args(']');
      if (/^[A-Za-z_]/.test(t)) return this.lookup(t);
      throw new PyError('SyntaxError', 'invalid syntax', this.line);
    };
    const v = ternary();
    if (pos < toks.length) throw new PyError('SyntaxError', 'invalid syntax', this.line);
    return v;
  }

  private str(body: string, prefix: string): string {
    let s = prefix.includes('r') ? body : body.replace(/\\(n|t|\\|'|")/g, (_, c: string) => ({ n: '\n', t: '\t' } as Record<string, string>)[c] ?? c);
    if (prefix.includes('f')) s = s.replace(/\{([^{}]+)\}/g, (_, e: string) => pyStr(this.expr(e.replace(/![rs]$|:[^:]*$/, ''))));
    return s;
  }

  private strMethod(s: string, name: string): unknown {
    const methods: Record<string, unknown> = {
      upper: () => s.toUpperCase(), lower: () => s.toLowerCase(), strip: () => s.trim(), split: (sep?: string) => (sep ? s.split(sep) : s.trim().split(/\s+/)),
      format: (...a: unknown[]) => { let i = 0; return s.replace(/\{(\d*)\}/g, (_, n: string) => pyStr(a[n === '' ? i++ : Number(n)])); },
      startswith: (p: string) => s.startsWith(p), endswith: (p: string) => s.endsWith(p), replace: (a: string, b: string) => s.split(a).join(b),
      join: (items: unknown[]) => items.map((x) => pyStr(x)).join(s),
    };
    if (!(name in methods)) throw new PyError('AttributeError', `'str' object has no attribute '${name}'`, this.line);
    return methods[name];
  }
}

function dictMethod(d: Map<unknown, unknown>, name: string, line: number): unknown {
  const methods: Record<string, unknown> = {
    get: (k: unknown, dflt: unknown = null) => (d.has(k) ? d.get(k) : dflt), keys: () => [...d.keys()], values: () => [...d.values()],
    items: () => [...d.entries()], setdefault: (k: unknown, v: unknown = null) => { if (!d.has(k)) d.set(k, v); return d.get(k); },
  };
  if (!(name in methods)) throw new PyError('AttributeError', `'dict' object has no attribute '${name}'`, line);
  return methods[name];
}
