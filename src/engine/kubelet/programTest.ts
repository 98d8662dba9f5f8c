/**
 * `test` / `[ … ]` (POSIX) and bash's `[[ … ]]`. File tests are strict: a path the container has
 * not been shown to contain (see World.stat) does not exist for `-e`/`-f`/`-d`.
 */
import { absPath } from './programProcess';
import type { Shell } from './programShell';
import { expandPattern, expandSingle, globToRegExp } from './programWords';

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-p', '-S', '-b', '-c', '-a']);

function fileTest(op: string, path: string, sh: Shell): boolean {
  const abs = absPath(path, sh.cwd);
  const st = sh.ctx.world.stat(abs, sh.t);
  if (st.exists !== 'yes') return false;
  switch (op) {
    case '-d': return st.dir;
    case '-f': return !st.dir;
    case '-s': return st.dir || st.content.length > 0;
    case '-x': return st.dir || sh.ctx.image.binaries.includes(abs.slice(abs.lastIndexOf('/') + 1));
    case '-L': case '-h': case '-p': case '-S': case '-b': case '-c': return false;
    default: return true;
  }
}

function intOf(s: string, sh: Shell, op: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) {
    sh.io.stderr.write(`${sh.prefix()}${sh.flavour === 'bash' ? `[: ${s}: integer expression expected` : `[: ${s}: bad number`}\n`, sh.t);
    throw new TestError(op);
  }
  return parseInt(s, 10);
}

class TestError extends Error {}

function binary(a: string, op: string, b: string, sh: Shell): boolean | undefined {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return intOf(a, sh, op) === intOf(b, sh, op);
    case '-ne': return intOf(a, sh, op) !== intOf(b, sh, op);
    case '-lt': return intOf(a, sh, op) < intOf(b, sh, op);
    case '-le': return intOf(a, sh, op) <= intOf(b, sh, op);
    case '-gt': return intOf(a, sh, op) > intOf(b, sh, op);
    case '-ge': return intOf(a, sh, op) >= intOf(b, sh, op);
    case '-nt': case '-ot': case '-ef': return false;
  }
  return undefined;
}

/** `test args…` → 0 true, 1 false, 2 usage error. */
export function evalTest(args: string[], sh: Shell): number {
  let pos = 0;
  const orExpr = (): boolean => { let v = andExpr(); while (args[pos] === '-o') { pos++; const r = andExpr(); v = v || r; } return v; };
  const andExpr = (): boolean => { let v = notExpr(); while (args[pos] === '-a') { pos++; const r = notExpr(); v = v && r; } return v; };
  const notExpr = (): boolean => {
    if (args[pos] === '!' && pos + 1 < args.length) { pos++; return !notExpr(); }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[pos];
    if (a === '(' && args.length - pos > 2) { pos++; const v = orExpr(); pos++; return v; }
    const rest = args.length - pos;
    if (rest >= 3) {
      const r = binary(a, args[pos + 1], args[pos + 2], sh);
      if (r !== undefined) { pos += 3; return r; }
    }
    if (rest >= 2 && a.startsWith('-') && a.length === 2) {
      const v = args[pos + 1];
      pos += 2;
      if (a === '-z') return v === '';
      if (a === '-n') return v !== '';
      if (UNARY_FILE.has(a)) return fileTest(a, v, sh);
      if (a === '-t') return false;
      throw new TestError(`${a}: unary operator expected`);
    }
    pos++;
    return a !== undefined && a !== '';
  };
  try {
    if (args.length === 0) return 1;
    const v = orExpr();
    if (pos < args.length) throw new TestError('too many arguments');
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    if (!/^-/.test(e.message)) sh.io.stderr.write(`${sh.prefix()}${sh.flavour === 'bash' ? '[' : 'test'}: ${e.message}\n`, sh.t);
    return 2;
  }
}

/** `[[ … ]]` from the raw words between the brackets: no splitting, patterns on the right of ==, regex after =~. */
export function evalDoubleBracket(words: string[], sh: Shell): number {
  let pos = 0;
  const orExpr = (): boolean => { let v = andExpr(); while (words[pos] === '||') { pos++; const r = andExpr(); v = v || r; } return v; };
  const andExpr = (): boolean => { let v = notExpr(); while (words[pos] === '&&') { pos++; const r = notExpr(); v = v && r; } return v; };
  const notExpr = (): boolean => { if (words[pos] === '!') { pos++; return !notExpr(); } return primary(); };
  const primary = (): boolean => {
    const w = words[pos];
    if (w === '(') { pos++; const v = orExpr(); pos++; return v; }
    const op = words[pos + 1];
    if (op === '==' || op === '=' || op === '!=') {
      const a = expandSingle(w, sh);
      const re = globToRegExp(expandPattern(words[pos + 2], sh));
      pos += 3;
      return re.test(a) === (op !== '!=');
    }
    if (op === '=~') {
      const a = expandSingle(w, sh);
      const src = expandSingle(words[pos + 2], sh);
      pos += 3;
      let re: RegExp;
      try {
        re = new RegExp(src.replace(/\[\[:(\w+):\]\]/g, (_, n: string) => ({ space: '\\s', digit: '\\d', alpha: '[A-Za-z]', alnum: '[A-Za-z0-9]' } as Record<string, string>)[n] ?? '.').replace(/\*\?/g, '*'));
      } catch {
        throw new TestError('invalid regular expression');
      }
      const m = re.exec(a);
      sh.setVar('BASH_REMATCH', m ? [...m].map((x) => x ?? '') : []);
      return m !== null;
    }
    if (op !== undefined && !['&&', '||', ')'].includes(op) && words[pos + 2] !== undefined) {
      const r = binary(expandSingle(w, sh), op, expandSingle(words[pos + 2], sh), sh);
      if (r !== undefined) { pos += 3; return r; }
    }
    if (/^-[a-zA-Z]$/.test(w) && op !== undefined) {
      pos += 2;
      const v = expandSingle(op, sh);
      if (w === '-z') return v === '';
      if (w === '-n') return v !== '';
      if (w === '-v') return sh.getVar(v) !== undefined;
      return fileTest(w, v, sh);
    }
    pos++;
    return expandSingle(w, sh) !== '';
  };
  try {
    return orExpr() ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) return 2;
    throw e;
  }
}
