/**
 * Checks that decoded JSON is a session this version can replay. Links and files come from
 * anywhere: everything is checked before a single call reaches a cluster.
 */
import {
  MAX_NODES, MAX_SEED, RECORDED_CALLS, SESSION_FORMAT, SESSION_VERSION,
  type ClusterSettings, type JournalEntry, type RecordedCall, type Session,
} from './session';

export type SessionCheck = { ok: true; session: Session } | { ok: false; message: string };

/** Replaying more than this many engine calls would freeze the page for too long. */
export const MAX_REPLAY_CALLS = 200_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const TYPE_NAMES = { s: 'a string', n: 'a number', b: 'true or false', o: 'an object' } as const;

/** `ssns?` → [{ type: 's', optional: false }, …]. */
export function argPattern(pattern: string): { type: keyof typeof TYPE_NAMES; optional: boolean }[] {
  const out: { type: keyof typeof TYPE_NAMES; optional: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const type = pattern[i] as keyof typeof TYPE_NAMES;
    const optional = pattern[i + 1] === '?';
    if (optional) i++;
    out.push({ type, optional });
  }
  return out;
}

function argTypeOk(type: keyof typeof TYPE_NAMES, v: unknown): boolean {
  if (type === 's') return typeof v === 'string';
  if (type === 'n') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'b') return typeof v === 'boolean';
  return isObject(v);
}

/** Why the arguments do not fit the call, or undefined when they do. */
export function checkArgs(op: RecordedCall, args: unknown[]): string | undefined {
  const pattern = argPattern(RECORDED_CALLS[op]);
  if (args.length > pattern.length) return `${op} takes at most ${pattern.length} arguments, not ${args.length}`;
  for (let i = 0; i < pattern.length; i++) {
    const { type, optional } = pattern[i];
    const v = args[i];
    if (v === undefined || v === null) {
      if (!optional) return `${op} needs argument ${i + 1}`;
    } else if (!argTypeOk(type, v)) {
      return `argument ${i + 1} of ${op} must be ${TYPE_NAMES[type]}`;
    }
  }
  return undefined;
}

function checkEntry(e: unknown, i: number): { entry: JournalEntry; calls: number } | string {
  if (!isObject(e) || typeof e.op !== 'string') return `journal entry ${i + 1} is not an engine call`;
  if (e.op === 'step') {
    if (!isCount(e.count) || e.count === 0) return `journal entry ${i + 1} has no step count`;
    return { entry: { op: 'step', count: e.count }, calls: e.count };
  }
  if (!Object.hasOwn(RECORDED_CALLS, e.op)) return `journal entry ${i + 1} is an unknown call "${e.op}"`;
  const op = e.op as RecordedCall;
  if (!isCount(e.at)) return `journal entry ${i + 1} (${op}) has no Step index`;
  if (!Array.isArray(e.args)) return `journal entry ${i + 1} (${op}) has no arguments`;
  const problem = checkArgs(op, e.args);
  if (problem) return `journal entry ${i + 1}: ${problem}`;
  return { entry: { op, at: e.at, args: structuredClone(e.args) }, calls: 1 };
}

function checkSettings(s: unknown): ClusterSettings | string {
  if (!isObject(s)) return 'it has no cluster settings';
  const { seed, nodes, proxyMode } = s;
  if (!isCount(seed) || seed > MAX_SEED) return `the seed must be a whole number from 0 to ${MAX_SEED}`;
  if (!isCount(nodes) || nodes > MAX_NODES) return `the number of Nodes must be a whole number from 0 to ${MAX_NODES}`;
  if (proxyMode !== 'iptables' && proxyMode !== 'ipvs') return 'the kube-proxy mode must be iptables or ipvs';
  return { seed, nodes, proxyMode };
}

/** A session, or why this value is not one (a sentence to show after "This session cannot be opened: "). */
export function checkSession(value: unknown): SessionCheck {
  const fail = (message: string): SessionCheck => ({ ok: false, message });
  if (!isObject(value) || value.format !== SESSION_FORMAT) return fail('it is not a Kube Playground session');
  if (value.version !== SESSION_VERSION) return fail(`it is a version ${String(value.version)} session; this playground reads version ${SESSION_VERSION}`);
  const settings = checkSettings(value.settings);
  if (typeof settings === 'string') return fail(settings);
  if (!Array.isArray(value.journal)) return fail('it has no journal of engine calls');
  if (!isCount(value.cursor) || !isCount(value.steps)) return fail('it has no timeline position');
  const journal: JournalEntry[] = [];
  let calls = 0;
  for (let i = 0; i < value.journal.length; i++) {
    const checked = checkEntry(value.journal[i], i);
    if (typeof checked === 'string') return fail(checked);
    journal.push(checked.entry);
    calls += checked.calls;
    if (calls > MAX_REPLAY_CALLS) return fail(`it replays more than ${MAX_REPLAY_CALLS} engine calls`);
  }
  return { ok: true, session: { format: SESSION_FORMAT, version: SESSION_VERSION, settings, journal, cursor: value.cursor, steps: value.steps } };
}
