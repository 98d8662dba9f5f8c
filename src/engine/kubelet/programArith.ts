/** Shell arithmetic (`$((…))`, `((…))`, `let`): C operators on integers, variables by name. */

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  '||': [1, (a, b) => (a || b ? 1 : 0)], '&&': [2, (a, b) => (a && b ? 1 : 0)],
  '|': [3, (a, b) => a | b], '^': [4, (a, b) => a ^ b], '&': [5, (a, b) => a & b],
  '==': [6, (a, b) => +(a === b)], '!=': [6, (a, b) => +(a !== b)],
  '<': [7, (a, b) => +(a < b)], '<=': [7, (a, b) => +(a <= b)], '>': [7, (a, b) => +(a > b)], '>=': [7, (a, b) => +(a >= b)],
  '<<': [8, (a, b) => a << b], '>>': [8, (a, b) => a >> b],
  '+': [9, (a, b) => a + b], '-': [9, (a, b) => a - b],
  '*': [10, (a, b) => a * b], '/': [10, (a, b) => div(a, b, Math.trunc)], '%': [10, (a, b) => div(a, b, (q) => q, true)],
  '**': [11, (a, b) => a ** b],
};
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='];

function div(a: number, b: number, round: (x: number) => number, mod = false): number {
  if (b === 0) throw new ArithError('division by zero');
  return mod ? a % b : round(a / b);
}

export function evalArith(expr: string, vars: ArithVars): number {
  const toks = expr.match(/0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|\+\+|--|[-+*/%<>&|^!=]=|&&|\|\||<<|>>|[-+*/%<>&|^!~?:(),=]|\S/g) ?? [];
  let pos = 0;
  const peek = () => toks[pos];
  const num = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0;
    return /^\s*-?\d+\s*$/.test(v) ? parseInt(v, 10) : evalArith(v, vars);
  };

  const comma = (): number => { let v = assign(); while (peek() === ',') { pos++; v = assign(); } return v; };
  const assign = (): number => {
    const name = toks[pos];
    if (/^[A-Za-z_]/.test(name ?? '') && ASSIGN.includes(toks[pos + 1])) {
      const op = toks[pos + 1];
      pos += 2;
      const rhs = assign();
      const value = op === '=' ? rhs : BINARY[op.slice(0, -1)][1](num(name), rhs);
      vars.set(name, String(value));
      return value;
    }
    return ternary();
  };
  const ternary = (): number => {
    const cond = binary(1);
    if (peek() !== '?') return cond;
    pos++;
    const a = assign();
    if (toks[pos++] !== ':') throw new ArithError(`syntax error in expression (error token is "${expr}")`);
    const b = assign();
    return cond ? a : b;
  };
  const binary = (min: number): number => {
    let left = unary();
    for (;;) {
      const op = peek();
      const entry = op !== undefined ? BINARY[op] : undefined;
      if (!entry || entry[0] < min) return left;
      pos++;
      const right = binary(op === '**' ? entry[0] : entry[0] + 1);
      left = Math.trunc(entry[1](left, right));
    }
  };
  const unary = (): number => {
    const t = toks[pos++];
    if (t === undefined) throw new ArithError(`syntax error: operand expected (error token is "${expr}")`);
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '~') return ~unary();
    if (t === '++' || t === '--') { const name = toks[pos++]; const v = num(name) + (t === '++' ? 1 : -1); vars.set(name, String(v)); return v; }
    if (t === '(') { const v = comma(); if (toks[pos++] !== ')') throw new ArithError('missing `)\''); return v; }
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    if (/^0\d+$/.test(t)) return parseInt(t, 8);
    if (/^\d+$/.test(t)) return parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      const v = num(t);
      if (peek() === '++' || peek() === '--') { vars.set(t, String(v + (toks[pos++] === '++' ? 1 : -1))); }
      return v;
    }
    throw new ArithError(`syntax error: operand expected (error token is "${toks.slice(pos - 1).join('')}")`);
  };

  if (toks.length === 0) return 0;
  const v = comma();
  if (pos < toks.length) throw new ArithError(`syntax error in expression (error token is "${toks.slice(pos).join(' ')}")`);
  return v;
}
