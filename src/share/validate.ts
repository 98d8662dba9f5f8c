/**
 * Checks that decoded JSON is a session this version can replay. Links and files come from
 * anywhere: everything is checked before a single call reaches a cluster.
 */
import {
  MAX_NODES, MAX_SEED, RECORDED_CALLS, SESSION_FORMAT, SESSION_VERSION,
  type ClusterSettings, type JournalEntry, type RecordedCall, type Session,
} from './session';
import type { ArgProblem, ArgType, SessionProblem } from './problems';

export type SessionCheck = { ok: true; session: Session } | { ok: false; problem: SessionProblem };

/** Replaying more than this many engine calls would freeze the page for too long. */
export const MAX_REPLAY_CALLS = 200_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** `ssns?` → [{ type: 's', optional: false }, …]. */
export function argPattern(pattern: string): { type: ArgType; optional: boolean }[] {
  const out: { type: ArgType; optional: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const type = pattern[i] as ArgType;
    const optional = pattern[i + 1] === '?';
    if (optional) i++;
    out.push({ type, optional });
  }
  return out;
}

function argTypeOk(type: ArgType, v: unknown): boolean {
  if (type === 's') return typeof v === 'string';
  if (type === 'n') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'b') return typeof v === 'boolean';
  return isObject(v);
}

/** Why the arguments do not fit the call, or undefined when they do. */
export function checkArgs(op: RecordedCall, args: unknown[]): ArgProblem | undefined {
  const pattern = argPattern(RECORDED_CALLS[op]);
  if (args.length > pattern.length) return { code: 'tooMany', op, max: pattern.length, count: args.length };
  for (let i = 0; i < pattern.length; i++) {
    const { type, optional } = pattern[i];
    const v = args[i];
    if (v === undefined || v === null) {
      if (!optional) return { code: 'missing', op, i: i + 1 };
    } else if (!argTypeOk(type, v)) {
      return { code: 'type', op, i: i + 1, type };
    }
  }
  return undefined;
}

function checkEntry(e: unknown, i: number): { entry: JournalEntry; calls: number } | SessionProblem {
  const n = i + 1;
  if (!isObject(e) || typeof e.op !== 'string') return { code: 'entryNotCall', n };
  if (e.op === 'step') {
    if (!isCount(e.count) || e.count === 0) return { code: 'entryNoCount', n };
    if (e.withinMs === undefined) return { entry: { op: 'step', count: e.count }, calls: e.count };
    // the engine refuses a window that is not a finite number >= 0
    if (typeof e.withinMs !== 'number' || !Number.isFinite(e.withinMs) || e.withinMs < 0) {
      return { code: 'entryArgs', n, problem: { code: 'type', op: 'step', i: 1, type: 'n' } };
    }
    return { entry: { op: 'step', count: e.count, withinMs: e.withinMs }, calls: e.count };
  }
  if (!Object.hasOwn(RECORDED_CALLS, e.op)) return { code: 'entryUnknown', n, op: e.op };
  const op = e.op as RecordedCall;
  if (!isCount(e.at)) return { code: 'entryNoIndex', n, op };
  if (!Array.isArray(e.args)) return { code: 'entryNoArgs', n, op };
  const problem = checkArgs(op, e.args);
  if (problem) return { code: 'entryArgs', n, problem };
  return { entry: { op, at: e.at, args: structuredClone(e.args) }, calls: 1 };
}

function checkSettings(s: unknown): ClusterSettings | SessionProblem {
  if (!isObject(s)) return { code: 'noSettings' };
  const { seed, nodes, proxyMode } = s;
  if (!isCount(seed) || seed > MAX_SEED) return { code: 'seed', max: MAX_SEED };
  if (!isCount(nodes) || nodes > MAX_NODES) return { code: 'nodes', max: MAX_NODES };
  if (proxyMode !== 'iptables' && proxyMode !== 'ipvs') return { code: 'proxyMode' };
  return { seed, nodes, proxyMode };
}

/** A session, or why this value is not one. */
export function checkSession(value: unknown): SessionCheck {
  const fail = (problem: SessionProblem): SessionCheck => ({ ok: false, problem });
  if (!isObject(value) || value.format !== SESSION_FORMAT) return fail({ code: 'notSession' });
  if (value.version !== SESSION_VERSION) return fail({ code: 'version', version: String(value.version), supported: SESSION_VERSION });
  const settings = checkSettings(value.settings);
  if ('code' in settings) return fail(settings);
  if (!Array.isArray(value.journal)) return fail({ code: 'noJournal' });
  if (!isCount(value.cursor) || !isCount(value.steps)) return fail({ code: 'noPosition' });
  const journal: JournalEntry[] = [];
  let calls = 0;
  for (let i = 0; i < value.journal.length; i++) {
    const checked = checkEntry(value.journal[i], i);
    if ('code' in checked) return fail(checked);
    journal.push(checked.entry);
    calls += checked.calls;
    if (calls > MAX_REPLAY_CALLS) return fail({ code: 'tooLong', max: MAX_REPLAY_CALLS });
  }
  return { ok: true, session: { format: SESSION_FORMAT, version: SESSION_VERSION, settings, journal, cursor: value.cursor, steps: value.steps } };
}
