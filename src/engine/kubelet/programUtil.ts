/** Small helpers shared by the process models: streams, wording per userland, time formatting, paths. */
import { EPOCH_MS } from '../core/time';
import { absPath, type ProcContext, type ProcResult } from './programProcess';
import type { FileState } from './programWorld';

/** Busybox applets word their errors differently from GNU coreutils. */
export const isBusybox = (ctx: ProcContext): boolean => ctx.image.base === 'busybox' || ctx.image.base === 'alpine' || ctx.image.base === undefined;

export function out(ctx: ProcContext, text: string, dt = 0): void { ctx.io.stdout.write(text, ctx.t + dt); }
export function err(ctx: ProcContext, text: string, dt = 0): void { ctx.io.stderr.write(text, ctx.t + dt); }

/** Finishes a command `ms` after it started. */
export const done = (ctx: ProcContext, status = 0, ms = 1): ProcResult => ({ status, end: ctx.t + ms });

export function stat(ctx: ProcContext, path: string): FileState & { abs: string } {
  const abs = absPath(path, ctx.cwd);
  return { ...ctx.world.stat(abs, ctx.t), abs };
}

/** Reads a file for a command that expects it to exist: unknown paths (volumes, image content) read as empty. */
export function readable(ctx: ProcContext, path: string): string | undefined {
  if (path === '-' || path === '/dev/stdin') return ctx.io.stdin.text.slice(ctx.io.stdin.pos);
  if (path === '/dev/null') return '';
  const st = stat(ctx, path);
  return st.exists === 'no' ? undefined : st.content;
}

/** `can't open 'X': No such file or directory` (busybox) or `X: No such file or directory` (GNU). */
export function noSuchFile(ctx: ProcContext, cmd: string, path: string, busyVerb = "can't open", gnuVerb = ''): void {
  err(ctx, isBusybox(ctx) ? `${cmd}: ${busyVerb} '${path}': No such file or directory\n`
    : `${cmd}: ${gnuVerb ? `${gnuVerb} '${path}'` : path}: No such file or directory\n`);
}

/** Wall-clock ms of a moment `dt` after the process start. */
export const wallMs = (ctx: ProcContext, dt = 0): number => EPOCH_MS + (ctx.input.startedAt ?? 0) + ctx.t + dt;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime for `date +FORMAT` (UTC, as containers run without a TZ); `%L` is milliseconds, for server log stamps. */
export function strftime(ms: number, format: string): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = p2(d.getUTCHours());
  const M = p2(d.getUTCMinutes());
  const S = p2(d.getUTCSeconds());
  return format.replace(/%-?([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'Y': return String(Y);
      case 'y': return p2(Y % 100);
      case 'm': return p2(mo + 1);
      case 'd': return p2(day);
      case 'e': return String(day).padStart(2, ' ');
      case 'H': return H;
      case 'M': return M;
      case 'S': return S;
      case 's': return String(Math.floor(ms / 1000));
      case 'L': return String(ms % 1000).padStart(3, '0');
      case 'N': return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case 'a': return DAYS[d.getUTCDay()];
      case 'A': return LONG_DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[mo];
      case 'B': return LONG_MONTHS[mo];
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'T': return `${H}:${M}:${S}`;
      case 'R': return `${H}:${M}`;
      case 'F': return `${Y}-${p2(mo + 1)}-${p2(day)}`;
      case 'D': return `${p2(mo + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'j': return String(Math.floor((ms - Date.UTC(Y, 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return m;
    }
  });
}

/** `date`'s default output, e.g. `Wed Jan  1 09:00:05 UTC 2025`. */
export const defaultDate = (ms: number): string => strftime(ms, '%a %b %e %H:%M:%S %Z %Y');

/** Go's log timestamp `2025/01/01 09:00:00`, used by many Go servers. */
export const goLogTime = (ms: number): string => strftime(ms, '%Y/%m/%d %H:%M:%S');

/** Parses `getopt`-style flags: `-abc`, `-n 5`, `-n5`, `--name=v`, `--name v` for names in `withValue`. */
export function parseFlags(args: string[], withValue: string[] = []): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { rest.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (withValue.includes(name) && i + 1 < args.length) flags.set(name, args[++i]);
      else flags.set(name, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k];
        if (withValue.includes(f)) {
          const v = a.slice(k + 1) || args[++i] || '';
          flags.set(f, v);
          break;
        }
        flags.set(f, '');
      }
      continue;
    }
    rest.push(a);
  }
  return { flags, rest };
}

/**
 * Go's flag / pflag parsing: `-name=value`, `--name=value`, `-name value` (not for `bools`);
 * parsing stops at the first non-flag argument.
 */
export function parseGoFlags(args: string[], bools: string[] = []): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) flags.set(body.slice(0, eq), body.slice(eq + 1));
    else if (!bools.includes(body) && i + 1 < args.length && !args[i + 1].startsWith('-')) flags.set(body, args[++i]);
    else flags.set(body, 'true');
  }
  return { flags, rest: args.slice(i) };
}
